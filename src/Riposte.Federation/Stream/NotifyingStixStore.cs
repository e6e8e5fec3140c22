using Riposte.Federation.Border;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Stream;

/// <summary>
/// The node's store as federation sees it: every write that adds a version wakes the event streams;
/// every deletion, and every stored version added to another collection later, is written to the
/// change log (the store keeps no record of either, and a later membership keeps the version's old
/// sequence, which streams are already past). Registered in place of the store, so TAXII, the API,
/// the command line and the sync loops all go through it.
/// </summary>
public sealed class NotifyingStixStore(IStixStore inner, IFederationRepository federation, ChangeSignal signal, TimeProvider time) : IStixStore
{
    private const int IdsPerQuery = 500;
    private readonly Lock _membership = new();

    public IStixStore Inner => inner;

    public void Migrate()
    {
        inner.Migrate();
        federation.Migrate();
    }

    public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null)
    {
        if (collectionId is null)
            return Pulsed(inner.Put(objects, collectionId), joined: false);
        // One writer at a time here, so "already a member" read before the write is still true after it.
        lock (_membership)
        {
            var members = Members(objects, collectionId);
            var outcomes = inner.Put(objects, collectionId);
            var joined = new List<(string Id, string Version)>();
            for (var i = 0; i < objects.Count; i++)
            {
                var key = (objects[i].Id, objects[i].Version?.Text ?? "");
                // Nothing is logged for a version already in the collection: that also ends a membership's trip round a ring.
                if (outcomes[i] == WriteOutcome.Added)
                    members.Add(key);
                else if (outcomes[i] == WriteOutcome.Unchanged && members.Add(key))
                    joined.Add(key);
            }
            if (joined.Count > 0)
                federation.AddJoined(joined, collectionId, time.GetUtcNow());
            return Pulsed(outcomes, joined.Count > 0);
        }
    }

    private IReadOnlyList<WriteOutcome> Pulsed(IReadOnlyList<WriteOutcome> outcomes, bool joined)
    {
        if (joined || outcomes.Contains(WriteOutcome.Added))
            signal.Pulse();
        return outcomes;
    }

    /// <summary>Which of these (id, version) the collection holds already. New versions find nothing: one indexed probe per batch of ids.</summary>
    private HashSet<(string Id, string Version)> Members(IReadOnlyList<StixObject> objects, string collectionId)
    {
        var members = new HashSet<(string, string)>();
        foreach (var ids in objects.Select(o => o.Id).Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            foreach (var stored in inner.Query(new StixQuery { CollectionId = collectionId, Ids = ids, Versions = VersionFilter.All }))
                members.Add((stored.Object.Id, stored.Object.Version?.Text ?? ""));
        }
        return members;
    }

    // A conditional write only ever adds a new version, so no collection held it before: nothing to log as joined.
    public ConditionalWrite PutIfLatest(StixObject obj, string? expectedLatestVersion, string? collectionId = null)
    {
        var written = inner.PutIfLatest(obj, expectedLatestVersion, collectionId);
        if (written.Written)
            signal.Pulse();
        return written;
    }

    /// <summary>
    /// Deletes version by version what is held, and logs each (id, version) deleted with its stub (what the
    /// border needs to send the deletion only to readers who could see the version): a peer that gets the
    /// deletion before the version (two paths in a mesh) keeps it as a tombstone and refuses the version later.
    /// A version written meanwhile by another writer is not among them, so it is neither deleted nor logged.
    /// </summary>
    public int Delete(string id, string? version = null, string? collectionId = null)
    {
        var deleted = 0;
        var now = time.GetUtcNow();
        lock (_membership)
        {
            foreach (var (held, obj) in Held(id, version, collectionId))
            {
                // Logged as soon as it is gone: a crash between two versions loses no deletion already made.
                // Nothing deleted, nothing logged: this is also what ends a deletion's trip round a ring.
                if (inner.Delete(id, held, collectionId) > 0)
                {
                    federation.AddTombstone(id, held, collectionId, now, DeletionStub.Text(DeletionStub.Of(obj)));
                    deleted++;
                }
            }
        }
        if (deleted > 0)
            signal.Pulse();
        return deleted;
    }

    /// <summary>The versions of <paramref name="id"/> held in the collection (or the store), each once by its text as stored; one when <paramref name="version"/> names it.</summary>
    private List<(string Version, StixObject Object)> Held(string id, string? version, string? collectionId)
    {
        var stored = collectionId is null
            ? inner.GetVersions(id)
            : inner.Query(new StixQuery { CollectionId = collectionId, Ids = [id], Versions = VersionFilter.All });
        var wanted = version is null ? null : SortKey(version);
        return [.. stored.Select(s => (Version: s.Object.Version?.Text ?? "", s.Object))
            .Where(v => wanted is null || SortKey(v.Version) == wanted)
            .DistinctBy(v => v.Version, StringComparer.Ordinal)];
    }

    private static string SortKey(string version) =>
        version.Length == 0 ? "" : StixTimestamp.TryParse(version, out var timestamp) ? timestamp.SortKey : "\uFFFF" + version;

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
