using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>
/// Reads and writes objects for a principal through the one access gate: reads return only what the
/// gate lets through; every write is a new version (a later <c>modified</c>) stamped with the editor,
/// refused when the caller edited a stale version or may not write.
/// </summary>
public sealed class ObjectWorkspace(IStixStore store, IAccessGate gate, TimeProvider clock)
{
    public IStixStore Store => store;
    public IAccessGate Gate => gate;
    public TimeProvider Clock => clock;

    /// <summary>The ETag of a version: its <c>modified</c> text, quoted.</summary>
    public static string ETagOf(StixObject obj) => "\"" + (obj.Version?.Text ?? "") + "\"";

    /// <summary>The latest version as the principal may see it; not found when absent, hidden or of another type.</summary>
    public StixObject Get(Principal principal, string id, string? type = null)
    {
        if (type is not null && !StixIds.IsOfType(id, type))
            throw new ObjectNotFoundException(id, type);
        var stored = store.GetLatest(id) ?? throw new ObjectNotFoundException(id, type);
        return gate.ForReader(principal, stored.Object) ?? throw new ObjectNotFoundException(id, type);
    }

    public StixObject? TryGet(Principal principal, string id) =>
        store.GetLatest(id) is { } stored ? gate.ForReader(principal, stored.Object) : null;

    /// <summary>Refuses principals the gate does not let write to the store (readers, partners, other organisations).</summary>
    public void RequireWriter(Principal principal, string what)
    {
        if (!gate.CanWriteCollection(principal, null))
            throw new ForbiddenException($"{RoleNames.Of(principal.Role)}s of this organisation may not {what}; analysts of the node's organisation do");
    }

    public IReadOnlyList<StixObject> List(Principal principal, StixQuery query, Func<StixObject, bool>? where = null, int limit = 200)
    {
        var result = new List<StixObject>();
        foreach (var stored in store.Query(query))
        {
            if (gate.ForReader(principal, stored.Object) is { Revoked: false } visible && (where is null || where(visible)))
            {
                result.Add(visible);
                if (result.Count >= limit)
                    break;
            }
        }
        return result;
    }

    /// <summary>Full-text search (the store's FTS), latest versions, only what the gate shows.</summary>
    public IReadOnlyList<StixObject> Search(Principal principal, string text, IReadOnlyCollection<string> types, int limit = 50)
    {
        var result = new List<StixObject>();
        foreach (var stored in store.Search(text, Math.Max(limit * 4, 200)))
        {
            if ((types.Count == 0 || types.Contains(stored.Object.Type)) && gate.ForReader(principal, stored.Object) is { Revoked: false } visible)
            {
                result.Add(visible);
                if (result.Count >= limit)
                    break;
            }
        }
        return result;
    }

    /// <summary>Relationships touching an object that the principal may see and that are not revoked.</summary>
    public IReadOnlyList<StixObject> Relationships(Principal principal, string id, string? relationshipType = null) =>
        [.. store.GetRelationships(id)
            .Select(r => gate.ForReader(principal, r.Object))
            .OfType<StixObject>()
            .Where(r => !r.Revoked && (relationshipType is null || r.GetString("relationship_type") == relationshipType))];

    /// <summary>The most sources one store query names; more are asked in further queries of this size.</summary>
    public const int SourcesPerQuery = 500;

    /// <summary>
    /// Relationships of one type whose source is one of <paramref name="sourceIds"/>, that the principal
    /// may see and that are not revoked: one store query per <see cref="SourcesPerQuery"/> sources
    /// rather than one per source.
    /// </summary>
    public IReadOnlyList<StixObject> RelationshipsFrom(Principal principal, IReadOnlyCollection<string> sourceIds, string relationshipType)
    {
        var result = new List<StixObject>();
        foreach (var chunk in sourceIds.Distinct(StringComparer.Ordinal).Chunk(SourcesPerQuery))
        {
            var found = store.Query(new StixQuery { Types = ["relationship"], SourceRefs = chunk })
                .Select(s => s.Object).Where(r => r.GetString("relationship_type") == relationshipType).ToList();
            // The batch form of the gate looks up what the relationships reference (their targets) in a few queries.
            result.AddRange(gate.ForReader(principal, found).OfType<StixObject>().Where(r => !r.Revoked));
        }
        return result;
    }

    /// <summary>Stores a new object as the principal (its organisation becomes the creator).</summary>
    public StixObject Create(Principal principal, StixObjectBuilder builder, string change)
    {
        RequireWriter(principal, "create objects");
        return CreateUnchecked(principal, builder, change);
    }

    /// <summary>Stores a new object without the write check: only for intake paths that have their own rule (tips).</summary>
    public StixObject CreateUnchecked(Principal principal, StixObjectBuilder builder, string change, bool creatorIsNode = false)
    {
        if (!principal.IsSystem && !creatorIsNode)
            builder.CreatedBy(principal.OrganizationId);
        var draft = builder.BuildUnchecked();
        if (draft.Created is null && draft.Type.StartsWith("x-", StringComparison.Ordinal))
        {
            // The builder stamps only the types the specification knows; custom SDOs are versioned too.
            var now = StixTimestamp.FromDateTime(clock.GetUtcNow());
            draft = StixObjectBuilder.From(draft, clock).Created(now).Modified(now).BuildUnchecked();
        }
        var withEdit = StixObjectBuilder.From(draft, clock)
            .Extension(RiposteExtensions.EditId, RiposteExtensions.PropertyExtension, EditRecord.Properties(principal, change, EditRecord.Diff(null, draft.Json)));
        var obj = Build(withEdit);
        var written = store.PutIfLatest(obj, expectedLatestVersion: null);
        if (!written.Written)
            throw InputInvalidException.One("id", $"'{obj.Id}' already exists");
        return obj;
    }

    /// <summary>
    /// Makes a new version of an object. <paramref name="expectedVersion"/> is the version the caller
    /// edited (the ETag); a different latest version means someone else edited it first.
    /// </summary>
    public StixObject Update(Principal principal, string id, string? type, string? expectedVersion, string change, Action<StixObject, StixObjectBuilder> edit)
    {
        RequireWriter(principal, "edit objects");
        if (type is not null && !StixIds.IsOfType(id, type))
            throw new ObjectNotFoundException(id, type);
        var latest = store.GetLatest(id)?.Object ?? throw new ObjectNotFoundException(id, type);
        var current = gate.ForReader(principal, latest) ?? throw new ObjectNotFoundException(id, type);
        // The gate returns the stored object itself unless it removed something.
        if (!ReferenceEquals(current, latest))
            throw new ForbiddenException($"parts of '{id}' are hidden from you by their markings, so you may not edit it");
        var currentVersion = current.Version?.Text ?? "";
        if (expectedVersion is null)
            throw new VersionRequiredException(id);
        if (!string.Equals(Unquote(expectedVersion), currentVersion, StringComparison.Ordinal))
            throw new StaleVersionException(id, Unquote(expectedVersion), currentVersion);

        var builder = StixObjectBuilder.From(current, clock);
        edit(current, builder);
        builder.Modified(NextVersion(current));
        var draft = builder.BuildUnchecked();
        var changed = EditRecord.Diff(current.Json, draft.Json);
        var stamped = StixObjectBuilder.From(draft, clock)
            .Extension(RiposteExtensions.EditId, RiposteExtensions.PropertyExtension, EditRecord.Properties(principal, change, changed));
        var obj = Build(stamped);
        // The store checks again inside its write transaction: another editor (another request, process or
        // host on the same database) who wrote since our read wins, and this write is refused, not merged.
        var written = store.PutIfLatest(obj, currentVersion);
        if (!written.Written)
            throw new StaleVersionException(id, currentVersion, written.LatestVersion ?? "");
        return obj;
    }

    /// <summary>Every version the principal may see, oldest first, with who made it and what changed.</summary>
    public IReadOnlyList<EditRecord> History(Principal principal, string id, string? type = null)
    {
        Get(principal, id, type);
        return [.. store.GetVersions(id).Select(v => gate.ForReader(principal, v.Object)).OfType<StixObject>().Select(EditRecord.Of)];
    }

    /// <summary>One stored version (<paramref name="version"/>: its <c>modified</c>, quoted or not) as the principal may see it.</summary>
    public StixObject Version(Principal principal, string id, string version, string? type = null)
    {
        Get(principal, id, type);
        var stored = store.GetVersion(id, Unquote(version))
            ?? throw new ObjectNotFoundException($"{id}' version '{Unquote(version)}", type);
        return gate.ForReader(principal, stored.Object) ?? throw new ObjectNotFoundException(id, type);
    }

    /// <summary>What changed between two versions the principal may see (<paramref name="to"/> null: the latest).</summary>
    public VersionDiff Diff(Principal principal, string id, string from, string? to, string? type = null)
    {
        var before = Version(principal, id, from, type);
        var after = to is null ? Get(principal, id, type) : Version(principal, id, to, type);
        return new VersionDiff(id, before.Version?.Text ?? "", after.Version?.Text ?? "", VersionDiff.Between(before.Json, after.Json));
    }

    /// <summary>Links two objects the principal may see with a relationship; returns it.</summary>
    public StixObject Link(Principal principal, string sourceId, string relationshipType, string targetId, string? description = null, int? confidence = null, JsonObject? evidence = null, IEnumerable<string>? markings = null)
    {
        RequireWriter(principal, "link objects");
        var errors = new InputErrors();
        if (TryGet(principal, sourceId) is null)
            errors.Add("sourceRef", $"no object '{sourceId}' that you may see");
        if (TryGet(principal, targetId) is null)
            errors.Add("targetRef", $"no object '{targetId}' that you may see");
        errors.ThrowIfAny();
        var builder = StixObjectBuilder.Relationship(relationshipType, sourceId, targetId, clock);
        if (description is not null)
            builder.Set("description", description);
        if (confidence is { } c)
            builder.Confidence(c);
        if (evidence is not null)
            builder.Extension(RiposteExtensions.EvidenceId, RiposteExtensions.PropertyExtension, evidence);
        if (markings is not null)
            builder.Set("object_marking_refs", markings);
        return Create(principal, builder, $"linked {sourceId} {relationshipType} {targetId}");
    }

    /// <summary>Unlinks by revoking the relationship (STIX keeps history; consumers drop revoked objects).</summary>
    public StixObject Unlink(Principal principal, string relationshipId, string? expectedVersion)
    {
        var current = Get(principal, relationshipId, "relationship");
        return Update(principal, relationshipId, "relationship", expectedVersion ?? current.Version?.Text, "unlinked", (_, b) => b.Set("revoked", true));
    }

    private StixTimestamp NextVersion(StixObject current)
    {
        var now = StixTimestamp.FromDateTime(clock.GetUtcNow());
        if (current.Version is { } previous && now <= previous)
            now = StixTimestamp.FromDateTime(previous.Value.AddMilliseconds(1));
        return now;
    }

    private static StixObject Build(StixObjectBuilder builder)
    {
        try
        {
            return builder.Build();
        }
        catch (StixValidationException e)
        {
            var errors = new InputErrors();
            foreach (var issue in e.Result.Errors)
                errors.Add(issue.Path, issue.Message);
            errors.ThrowIfAny();
            throw;
        }
    }

    private static string Unquote(string etag)
    {
        var t = etag.Trim();
        if (t.StartsWith("W/", StringComparison.Ordinal))
            t = t[2..];
        return t.Trim('"');
    }
}
