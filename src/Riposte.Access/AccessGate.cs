using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Directory;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Access;

/// <summary>
/// The one gate (see docs/access.md for the rules). Create one per request (it is registered
/// scoped): it remembers the markings of referenced objects it has looked up, so a page of
/// relationships to the same few objects costs one store read per distinct object.
/// </summary>
public sealed class AccessGate(
    IStixStore store,
    AccessDirectory directory,
    IOptions<AccessOptions> options,
    IAuditLog audit,
    AccessRequestContext request) : IAccessGate
{
    private static readonly HashSet<string> ProtectedProperties = new(StringComparer.Ordinal)
    {
        "type", "id", "spec_version", "created", "modified", "object_marking_refs", "granular_markings",
    };

    private readonly AccessOptions _options = options.Value;
    private byte[][]? _declaredExtensionIds;
    private readonly ReferencedMarkings _referenced = new(store, options.Value);
    private volatile ReaderEntry? _reader;
    private AccessSnapshot? _snapshot;

    /// <summary>Who is who as this request sees it: read once per gate, so one request sees one consistent picture.</summary>
    private AccessSnapshot Snapshot => _snapshot ??= directory.Current;

    public StixObject? ForReader(Principal principal, StixObject obj)
    {
        if (principal.IsSystem)
            return obj;
        var facts = AccessFacts.Of(obj);
        var marking = MarkingSummary.Of(obj.Type, facts, _options);
        _referenced.Seen(obj, marking);
        return Judge(ReaderFor(principal), obj, facts, marking, MayHaveDeclaredReferences(obj));
    }

    public IReadOnlyList<StixObject?> ForReader(Principal principal, IReadOnlyList<StixObject> objects)
    {
        if (principal.IsSystem)
            return [.. objects];
        var (facts, markings, declaring) = Read(objects);
        var reader = ReaderFor(principal);
        var shown = new StixObject?[objects.Count];
        for (var i = 0; i < objects.Count; i++)
            shown[i] = Judge(reader, objects[i], facts[i], markings[i], declaring[i]);
        return shown;
    }

    /// <summary>
    /// Looks up, in a few store queries, the markings of every object these objects reference that
    /// this gate does not know yet; returns the objects' own markings, in order.
    /// </summary>
    public MarkingSummary[] Prefetch(IReadOnlyList<StixObject> objects) => Read(objects).Markings;

    /// <summary>Reads each object's facts once, records the versions handled and prefetches what they reference.</summary>
    private (AccessFacts[] Facts, MarkingSummary[] Markings, bool[] DeclaringReferences) Read(IReadOnlyList<StixObject> objects)
    {
        var facts = new AccessFacts[objects.Count];
        var markings = new MarkingSummary[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            facts[i] = AccessFacts.Of(objects[i]);
            markings[i] = MarkingSummary.Of(objects[i].Type, facts[i], _options);
            _referenced.Seen(objects[i], markings[i]);
        }
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            foreach (var id in f.Hiding)
                AddMissing(missing, id);
            foreach (var id in f.Removable)
                AddMissing(missing, id);
        }
        var declaring = new bool[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            declaring[i] = MayHaveDeclaredReferences(objects[i]);
            if (declaring[i])
            {
                foreach (var declared in DeclaredReferences.In(objects[i].Json, _options.ExtensionReferences))
                    AddMissing(missing, declared.Id);
            }
        }
        _referenced.Prefetch(missing);
        return (facts, markings, declaring);
    }

    /// <summary>
    /// Decides from the facts when they suffice — hidden by marking or by a hiding reference, or shown
    /// whole — and builds the JSON tree only when something may have to be removed from a copy.
    /// </summary>
    private StixObject? Judge(Reader reader, StixObject obj, AccessFacts facts, MarkingSummary marking, bool declaresReferences)
    {
        if (!reader.MaySee(marking))
            return null;
        foreach (var id in facts.Hiding)
        {
            if (!ReferencedVisible(reader, id))
                return null;
        }
        return !facts.HasGranularMarkings && AllVisible(reader, facts.Removable) && !declaresReferences
            ? obj
            : JudgeTree(reader, obj, marking);
    }

    /// <summary>
    /// Whether the object carries an extension that declares references (<see cref="AccessOptions.ExtensionReferences"/>):
    /// the byte scan does not read those, so such objects take the tree path. A search of the bytes for the
    /// extension-definition ids, so objects without them stay on the fast path.
    /// </summary>
    private bool MayHaveDeclaredReferences(StixObject obj)
    {
        if (_options.ExtensionReferences.Count == 0)
            return false;
        _declaredExtensionIds ??= [.. _options.ExtensionReferences.Keys.Select(System.Text.Encoding.UTF8.GetBytes)];
        var bytes = obj.ToUtf8Json().Span;
        foreach (var id in _declaredExtensionIds)
        {
            if (bytes.IndexOf(id) >= 0)
                return true;
        }
        return false;
    }

    private bool AllVisible(Reader reader, string[] ids)
    {
        foreach (var id in ids)
        {
            if (!ReferencedVisible(reader, id))
                return false;
        }
        return true;
    }

    private StixObject? JudgeTree(Reader reader, StixObject obj, MarkingSummary marking)
    {
        List<SelectorStep[]>? removals = null;
        if (!ReferencesVisible(reader, obj, ref removals))
            return null;
        HashSet<int>? droppedGranular = null;
        if (obj.Json["granular_markings"] is JsonArray granular && !GranularVisible(reader, marking, granular, ref removals, ref droppedGranular))
            return null;

        return removals is null && droppedGranular is null
            ? obj
            : Redactor.Apply(obj, removals ?? [], droppedGranular ?? []);
    }

    public bool CanReadCollection(Principal principal, string? collectionId) =>
        Decide(principal, collectionId, AuditActions.CollectionRead, write: false);

    public bool CanWriteCollection(Principal principal, string? collectionId) =>
        Decide(principal, collectionId, AuditActions.CollectionWrite, write: true);

    /// <summary>The reader for a principal against the current directory; reused while both stay the same.</summary>
    public Reader ReaderFor(Principal principal)
    {
        var snapshot = Snapshot;
        var entry = _reader;
        if (entry is not null && ReferenceEquals(entry.Snapshot, snapshot) && entry.Reader.Principal == principal)
            return entry.Reader;
        var reader = new Reader(principal, snapshot);
        _reader = new ReaderEntry(snapshot, reader);
        return reader;
    }

    private bool ReferencesVisible(Reader reader, StixObject obj, ref List<SelectorStep[]>? removals)
    {
        foreach (var property in ReferenceProperties.HidingSingle(obj.Type))
        {
            if (obj.GetString(property) is { } id && !ReferencedVisible(reader, id))
                return false;
        }
        foreach (var property in ReferenceProperties.HidingLists(obj.Type))
        {
            foreach (var id in obj.GetStrings(property))
            {
                if (!ReferencedVisible(reader, id))
                    return false;
            }
        }
        foreach (var property in ReferenceProperties.FilteredLists(obj.Type))
        {
            if (obj.Json[property] is not JsonArray list)
                continue;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonValue v && v.TryGetValue<string>(out var id) && !ReferencedVisible(reader, id))
                    (removals ??= []).Add([new SelectorStep(property, 0), new SelectorStep(null, i)]);
            }
        }
        foreach (var other in OtherReferences.In(obj.Json, obj.Type).Concat(DeclaredReferences.In(obj.Json, _options.ExtensionReferences)))
        {
            if (!ReferencedVisible(reader, other.Id))
                (removals ??= []).Add(other.Path);
        }
        return true;
    }

    private bool GranularVisible(Reader reader, MarkingSummary marking, JsonArray granular, ref List<SelectorStep[]>? removals, ref HashSet<int>? dropped)
    {
        for (var i = 0; i < granular.Count; i++)
        {
            // Language markings (lang) and statement markings do not restrict.
            if (granular[i] is not JsonObject entry
                || entry["marking_ref"] is not JsonValue refValue
                || !refValue.TryGetValue<string>(out var markingRef)
                || TlpMarkings.LevelOf(markingRef) is not { } level
                || level <= marking.Level
                || reader.MaySee(marking.WithLevel(level)))
                continue;
            if (entry["selectors"] is not JsonArray selectors)
                return false; // a restriction we cannot locate: fail closed
            foreach (var s in selectors)
            {
                if (s is not JsonValue sv || !sv.TryGetValue<string>(out var text) || !Selector.TryParse(text, out var steps))
                    return false;
                if (ProtectedProperties.Contains(steps[0].Property ?? ""))
                    return false; // removing these would corrupt or unmark the object
                (removals ??= []).Add(steps);
            }
            (dropped ??= []).Add(i);
        }
        return true;
    }

    private bool ReferencedVisible(Reader reader, string id) =>
        // An object this store does not hold cannot be disclosed by naming its id.
        _referenced.Get(id) is not { } marking || reader.MaySee(marking);

    private void AddMissing(HashSet<string> missing, string? id)
    {
        if (id is not null && !_referenced.IsKnown(id))
            missing.Add(id);
    }

    private bool Decide(Principal principal, string? collectionId, string action, bool write)
    {
        var (allowed, reason) = CollectionRules.Decide(principal, collectionId, write, Snapshot, _options);
        var entry = new AuditEvent(principal, action, allowed, reason, CollectionId: collectionId, RemoteAddress: request.RemoteAddress);
        if (request.DeferAudit)
            request.AddPendingAudit(audit.AppendAsync(entry));
        else
            audit.Append(entry);
        return allowed;
    }

    private sealed record ReaderEntry(AccessSnapshot Snapshot, Reader Reader);
}
