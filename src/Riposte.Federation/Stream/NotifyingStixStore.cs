using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Stream;

/// <summary>
/// The node's store as federation sees it: every write that adds a version wakes the event streams,
/// and every deletion is written to the tombstone log (the store keeps no record of what it deleted).
/// Registered in place of the store, so TAXII, the API and the sync loops all go through it.
/// </summary>
public sealed class NotifyingStixStore(IStixStore inner, IFederationRepository federation, ChangeSignal signal, TimeProvider time) : IStixStore
{
    public IStixStore Inner => inner;

    public void Migrate()
    {
        inner.Migrate();
        federation.Migrate();
    }

    public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null)
    {
        var outcomes = inner.Put(objects, collectionId);
        if (outcomes.Contains(WriteOutcome.Added))
            signal.Pulse();
        return outcomes;
    }

    public int Delete(string id, string? version = null, string? collectionId = null)
    {
        var deleted = inner.Delete(id, version, collectionId);
        // Nothing deleted, nothing to tell: this is also what ends a deletion's trip round a ring.
        if (deleted > 0)
        {
            federation.AddTombstone(id, version, collectionId, time.GetUtcNow());
            signal.Pulse();
        }
        return deleted;
    }

    public StoredObject? GetLatest(string id) => inner.GetLatest(id);

    public StoredObject? GetVersion(string id, string version) => inner.GetVersion(id, version);

    public IReadOnlyList<StoredObject> GetVersions(string id) => inner.GetVersions(id);

    public IEnumerable<StoredObject> Query(StixQuery query) => inner.Query(query);

    public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both) =>
        inner.GetRelationships(id, direction);

    public IReadOnlyList<StoredObject> Search(string text, int limit = 50) => inner.Search(text, limit);

    public StoreStats Stats() => inner.Stats();

    public void Dispose() => inner.Dispose();
}
