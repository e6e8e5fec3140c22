using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Directory;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Stix.Markings;

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
    // Bounds memory when one gate is (wrongly) kept for a long time.
    private const int MaxCachedReferences = 100_000;

    private static readonly HashSet<string> ProtectedProperties = new(StringComparer.Ordinal)
    {
        "type", "id", "spec_version", "created", "modified", "object_marking_refs", "granular_markings",
    };

    private readonly AccessOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, MarkingSummary?> _referenced = new(StringComparer.Ordinal);
    private volatile ReaderEntry? _reader;

    public StixObject? ForReader(Principal principal, StixObject obj)
    {
        if (principal.IsSystem)
            return obj;
        var reader = ReaderFor(principal);
        var marking = MarkingSummary.Of(obj, _options);
        if (!reader.MaySee(marking))
            return null;

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
        var snapshot = directory.Current;
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

    private bool ReferencedVisible(Reader reader, string id)
    {
        if (!_referenced.TryGetValue(id, out var marking))
        {
            // An object this store does not hold cannot be disclosed by naming its id.
            marking = store.GetLatest(id) is { } stored ? MarkingSummary.Of(stored.Object, _options) : null;
            if (_referenced.Count >= MaxCachedReferences)
                _referenced.Clear();
            _referenced[id] = marking;
        }
        return marking is null || reader.MaySee(marking);
    }

    private bool Decide(Principal principal, string? collectionId, string action, bool write)
    {
        var (allowed, reason) = CollectionRules.Decide(principal, collectionId, write, directory.Current, _options);
        audit.Append(new AuditEvent(principal, action, allowed, reason, CollectionId: collectionId, RemoteAddress: request.RemoteAddress));
        return allowed;
    }

    private sealed record ReaderEntry(AccessSnapshot Snapshot, Reader Reader);
}
