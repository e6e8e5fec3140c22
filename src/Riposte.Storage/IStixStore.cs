using Riposte.Stix;

namespace Riposte.Storage;

/// <summary>
/// The one STIX store. Every (id, version) is kept; writes are idempotent; reads never apply
/// access rules themselves — the access gate (Riposte.Access) stands in front of every read path.
/// Implemented once per database provider (SQLite, PostgreSQL).
/// </summary>
public interface IStixStore : IDisposable
{
    /// <summary>Creates or upgrades the schema. Safe to call on every start.</summary>
    void Migrate();

    /// <summary>
    /// Stores a batch in one transaction and reports each object's outcome in input order.
    /// When this returns, every object reported <see cref="WriteOutcome.Added"/> is durable.
    /// </summary>
    IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null);

    /// <summary>
    /// Stores <paramref name="obj"/> as a new version only while the latest stored version of its id is still
    /// <paramref name="expectedLatestVersion"/> (null: the id must not be stored yet). The check and the write
    /// are one write transaction, so of two editors who started from the same version only the first one's
    /// write lands — also when they run in two processes or on two hosts sharing the database.
    /// </summary>
    ConditionalWrite PutIfLatest(StixObject obj, string? expectedLatestVersion, string? collectionId = null) =>
        throw new NotSupportedException($"{GetType().Name} does not support conditional writes (optimistic concurrency)");

    /// <summary>The latest version of an object (highest modified), or null.</summary>
    StoredObject? GetLatest(string id);

    /// <summary>One exact version (<paramref name="version"/> is the modified/created text), or null.</summary>
    StoredObject? GetVersion(string id, string version);

    /// <summary>Every stored version of an object, oldest first.</summary>
    IReadOnlyList<StoredObject> GetVersions(string id);

    /// <summary>Objects matching a query, ordered by the store's insertion sequence (stable paging).</summary>
    IEnumerable<StoredObject> Query(StixQuery query);

    /// <summary>Relationships (and sightings) whose source or target is <paramref name="id"/>; latest versions.</summary>
    IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both);

    /// <summary>Full-text search over names, descriptions and other text; latest versions, best first.</summary>
    IReadOnlyList<StoredObject> Search(string text, int limit = 50);

    /// <summary>Deletes every version of an object (or one version) from a collection, or from the store when no collection is named.</summary>
    int Delete(string id, string? version = null, string? collectionId = null);

    StoreStats Stats();
}

public enum WriteOutcome
{
    /// <summary>A new (id, version) was stored.</summary>
    Added,

    /// <summary>That exact (id, version) was already stored with the same content.</summary>
    Unchanged,

    /// <summary>That (id, version) was already stored with different content; the first one stands.</summary>
    Conflict,
}

/// <summary>What a conditional write did.</summary>
/// <param name="Written">True when the new version was stored.</param>
/// <param name="LatestVersion">The latest stored version after the call (the caller's new one when written; otherwise the one that beat it, or null when the id is not stored).</param>
public sealed record ConditionalWrite(bool Written, string? LatestVersion);

public enum RelationshipDirection
{
    Outgoing,
    Incoming,
    Both,
}

/// <summary>An object as stored: the STIX object plus what the store adds.</summary>
/// <param name="Sequence">Monotonic insertion number; the order TAXII pages in.</param>
/// <param name="DateAdded">When this version reached this store (TAXII <c>date_added</c>).</param>
public sealed record StoredObject(StixObject Object, long Sequence, DateTimeOffset DateAdded);

public sealed record StoreStats(long Objects, long Versions, IReadOnlyDictionary<string, long> ByType)
{
    /// <summary>Totals from per-type counts of all versions and of latest versions, as providers read them.</summary>
    public static StoreStats FromTypeCounts(IEnumerable<(string Type, long Versions, long Latest)> counts)
    {
        long objects = 0, versions = 0;
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (type, typeVersions, latest) in counts)
        {
            byType[type] = latest;
            objects += latest;
            versions += typeVersions;
        }
        return new StoreStats(objects, versions, byType);
    }
}
