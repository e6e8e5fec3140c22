using Riposte.Storage;
using Riposte.Taxonomy.Stix;

namespace Riposte.Taxonomy.Tests;

public sealed class DisarmLoaderTests
{
    [Fact]
    public void LoadInto_EmptyStore_AddsEveryObject()
    {
        // Arrange
        using var store = new InMemoryStixStore();

        // Act
        var summary = DisarmLoader.LoadInto(store);

        // Assert
        Assert.Empty(summary.Rejected);
        Assert.Empty(summary.Conflicts);
        Assert.Equal(698 + 140 + 392, summary.Total);
        Assert.Equal(summary.Total, summary.Added);
        Assert.Equal(0, summary.Unchanged);
        Assert.Equal(140, summary.ByType["course-of-action"]);
        Assert.Equal(392, summary.MitigatesLinks);
        Assert.Equal(447, summary.StaleCounterLinksSkipped);
        Assert.Equal(210, summary.RenamedCounterLinks);
        Assert.Equal(DisarmText.Version, summary.Version);
        Assert.Equal(summary.Total, store.Stats().Objects);
    }

    [Fact]
    public void LoadInto_Twice_SecondLoadAddsNothing()
    {
        // Arrange
        using var store = new InMemoryStixStore();
        DisarmLoader.LoadInto(store);
        var before = store.Stats();

        // Act
        var second = DisarmLoader.LoadInto(store, DisarmFramework.Load(DisarmDataSource.Embedded));

        // Assert
        Assert.Equal(0, second.Added);
        Assert.Equal(second.Total, second.Unchanged);
        Assert.Empty(second.Conflicts);
        Assert.Equal(before.Versions, store.Stats().Versions);
    }

    [Fact]
    public void LoadInto_Stored_CounterReadableByDeterministicId()
    {
        // Arrange
        using var store = new InMemoryStixStore();

        // Act
        DisarmLoader.LoadInto(store);
        var stored = store.GetLatest(DisarmStix.CourseOfActionId("C00006"));

        // Assert
        Assert.NotNull(stored);
        Assert.Equal("Charge for social media", stored.Object.Name);
    }

    [Fact]
    public void LoadInto_CollectionGiven_PassesItToTheStore()
    {
        // Arrange
        using var store = new RecordingStore();

        // Act
        DisarmLoader.LoadInto(store, collectionId: "disarm");

        // Assert
        Assert.Equal(["disarm"], store.Collections);
    }

    private sealed class RecordingStore : IStixStore
    {
        private readonly InMemoryStixStore _inner = new();

        public List<string?> Collections { get; } = [];

        public void Migrate() => _inner.Migrate();

        public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<Riposte.Stix.StixObject> objects, string? collectionId = null)
        {
            Collections.Add(collectionId);
            return _inner.Put(objects, collectionId);
        }

        public StoredObject? GetLatest(string id) => _inner.GetLatest(id);
        public StoredObject? GetVersion(string id, string version) => _inner.GetVersion(id, version);
        public IReadOnlyList<StoredObject> GetVersions(string id) => _inner.GetVersions(id);
        public IEnumerable<StoredObject> Query(StixQuery query) => _inner.Query(query);
        public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both) => _inner.GetRelationships(id, direction);
        public IReadOnlyList<StoredObject> Search(string text, int limit = 50) => _inner.Search(text, limit);
        public int Delete(string id, string? version = null, string? collectionId = null) => _inner.Delete(id, version, collectionId);
        public StoreStats Stats() => _inner.Stats();
        public void Dispose() => _inner.Dispose();
    }
}
