using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Taxonomy.Tests;

/// <summary>
/// A small in-memory <see cref="IStixStore"/> with the write semantics of the contract (every (id, version) kept;
/// same content → Unchanged, other content → Conflict). Reads other than by id are not needed by these tests.
/// </summary>
internal sealed class InMemoryStixStore : IStixStore
{
    private readonly Dictionary<(string Id, string Version), StoredObject> _objects = [];
    private long _sequence;

    public int PutCalls { get; private set; }

    public void Migrate()
    {
    }

    public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null)
    {
        PutCalls++;
        var outcomes = new List<WriteOutcome>(objects.Count);
        foreach (var obj in objects)
        {
            var key = (obj.Id, obj.Version?.Text ?? "");
            if (_objects.TryGetValue(key, out var existing))
            {
                outcomes.Add(existing.Object.ToJson() == obj.ToJson() ? WriteOutcome.Unchanged : WriteOutcome.Conflict);
                continue;
            }
            _objects[key] = new StoredObject(StixObject.Parse(obj.ToJson()), ++_sequence, DateTimeOffset.UnixEpoch);
            outcomes.Add(WriteOutcome.Added);
        }
        return outcomes;
    }

    public StoredObject? GetLatest(string id) =>
        _objects.Values.Where(o => o.Object.Id == id).OrderByDescending(o => o.Object.Version?.SortKey, StringComparer.Ordinal).FirstOrDefault();

    public StoredObject? GetVersion(string id, string version) => _objects.GetValueOrDefault((id, version));

    public IReadOnlyList<StoredObject> GetVersions(string id) =>
        [.. _objects.Values.Where(o => o.Object.Id == id).OrderBy(o => o.Object.Version?.SortKey, StringComparer.Ordinal)];

    public IEnumerable<StoredObject> Query(StixQuery query) => throw new NotSupportedException("not needed by these tests");

    public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both) =>
        throw new NotSupportedException("not needed by these tests");

    public IReadOnlyList<StoredObject> Search(string text, int limit = 50) => throw new NotSupportedException("not needed by these tests");

    public int Delete(string id, string? version = null, string? collectionId = null) => throw new NotSupportedException("not needed by these tests");

    public StoreStats Stats() =>
        new(_objects.Keys.Select(k => k.Id).Distinct().LongCount(), _objects.Count,
            _objects.Values.GroupBy(o => o.Object.Type).ToDictionary(g => g.Key, g => g.LongCount()));

    public void Dispose()
    {
    }
}
