using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Access.Tests.Support;

/// <summary>The part of a store the gate uses (latest version by id), counting lookups so tests can see the cache work.</summary>
internal sealed class InMemoryStixStore : IStixStore
{
    private readonly Dictionary<string, StoredObject> _latest = new(StringComparer.Ordinal);
    private long _sequence;

    public int Lookups { get; private set; }

    public void Add(params StixObject[] objects)
    {
        foreach (var o in objects)
            _latest[o.Id] = new StoredObject(o, ++_sequence, DateTimeOffset.UnixEpoch);
    }

    public StoredObject? GetLatest(string id)
    {
        Lookups++;
        return _latest.GetValueOrDefault(id);
    }

    public void ResetCounters() => (Lookups, Queries) = (0, 0);

    public void Migrate() { }
    public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null) => throw new NotSupportedException();
    public StoredObject? GetVersion(string id, string version) => throw new NotSupportedException();
    public IReadOnlyList<StoredObject> GetVersions(string id) => throw new NotSupportedException();
    public int Queries { get; private set; }

    /// <summary>Only what the gate asks: latest versions by id.</summary>
    public IEnumerable<StoredObject> Query(StixQuery query)
    {
        if (query.Ids.Count == 0 || query.Versions != VersionFilter.Latest)
            throw new NotSupportedException("the fake store answers latest-by-id queries only");
        Queries++;
        return query.Ids.Where(_latest.ContainsKey).Select(id => _latest[id]).ToList();
    }
    public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both) => throw new NotSupportedException();
    public IReadOnlyList<StoredObject> Search(string text, int limit = 50) => throw new NotSupportedException();
    public int Delete(string id, string? version = null, string? collectionId = null) => throw new NotSupportedException();
    public StoreStats Stats() => throw new NotSupportedException();
    public void Dispose() { }
}
