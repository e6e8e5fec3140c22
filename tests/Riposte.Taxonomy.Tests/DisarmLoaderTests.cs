using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Sqlite;
using Riposte.Taxonomy.Stix;

namespace Riposte.Taxonomy.Tests;

/// <summary>Loading DISARM into the real SQLite store, one fresh database file per test.</summary>
public sealed class DisarmLoaderTests : IDisposable
{
    private const int ExpectedTotal = 698 + 140 + 392;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "riposte-disarm-load-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteStixStore _store;

    public DisarmLoaderTests()
    {
        Directory.CreateDirectory(_dir);
        _store = new SqliteStixStore(Path.Combine(_dir, "store.db"));
        _store.Migrate();
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void LoadInto_EmptyStore_AddsEveryObject()
    {
        // Act
        var summary = DisarmLoader.LoadInto(_store);

        // Assert
        Assert.Empty(summary.Rejected);
        Assert.Empty(summary.Conflicts);
        Assert.Equal(ExpectedTotal, summary.Total);
        Assert.Equal(ExpectedTotal, summary.Added);
        Assert.Equal(0, summary.Unchanged);
        Assert.Equal(140, summary.ByType["course-of-action"]);
        Assert.Equal(392, summary.MitigatesLinks);
        Assert.Equal(447, summary.StaleCounterLinksSkipped);
        Assert.Equal(210, summary.RenamedCounterLinks);
        Assert.Equal(DisarmText.Version, summary.Version);
        Assert.Equal(ExpectedTotal, _store.Stats().Objects);
    }

    [Fact]
    public void LoadInto_Twice_SecondLoadAddsNothing()
    {
        // Arrange
        DisarmLoader.LoadInto(_store);
        var before = _store.Stats();

        // Act: a separately read framework, as after a restart.
        var second = DisarmLoader.LoadInto(_store, DisarmFramework.Load(DisarmDataSource.Embedded));

        // Assert
        Assert.Equal(0, second.Added);
        Assert.Equal(ExpectedTotal, second.Unchanged);
        Assert.Empty(second.Conflicts);
        Assert.Equal(before.Versions, _store.Stats().Versions);
    }

    [Fact]
    public void LoadInto_Loaded_TechniqueFoundByExternalId()
    {
        // Arrange
        DisarmLoader.LoadInto(_store);

        // Act
        var found = _store.Query(new StixQuery { ExternalId = "T0049.003" }).ToList();

        // Assert
        var technique = Assert.Single(found);
        Assert.Equal("attack-pattern", technique.Object.Type);
        Assert.Equal(DisarmFramework.Embedded.FindTechnique("T0049.003")!.StixId, technique.Object.Id);
    }

    [Fact]
    public void LoadInto_Loaded_CounterReadableByDeterministicIdWithItsLinks()
    {
        // Arrange
        DisarmLoader.LoadInto(_store);
        var id = DisarmStix.CourseOfActionId("C00006");

        // Act
        var counter = _store.GetLatest(id);
        var links = _store.GetRelationships(id, RelationshipDirection.Outgoing);

        // Assert
        Assert.NotNull(counter);
        Assert.Equal("Charge for social media", counter.Object.Name);
        var expectedTargets = DisarmFramework.Embedded.FindCounter("C00006")!.ValidTechniqueIds
            .Select(t => DisarmFramework.Embedded.FindTechnique(t)!.StixId).Order().ToList();
        Assert.Equal(expectedTargets, links.Select(l => l.Object.GetString("target_ref")!).Order().ToList());
        Assert.All(links, l => Assert.Equal("mitigates", l.Object.GetString("relationship_type")));
    }

    [Fact]
    public void LoadInto_CollectionGiven_StoresIntoThatCollection()
    {
        // Act
        DisarmLoader.LoadInto(_store, collectionId: "disarm");

        // Assert
        Assert.Equal(ExpectedTotal, _store.Query(new StixQuery { CollectionId = "disarm" }).Count());
    }

    [Fact]
    public void LoadInto_StoredWithOtherContent_ReportsConflictAndKeepsTheRest()
    {
        // Arrange: the same counter id and version already stored with another name.
        var id = DisarmStix.CourseOfActionId("C00006");
        var altered = DisarmStix.CoursesOfAction(DisarmFramework.Embedded).Single(o => o.Id == id).Json.DeepClone().AsObject();
        altered["name"] = "something else";
        _store.Put([new StixObject(altered)]);

        // Act
        var summary = DisarmLoader.LoadInto(_store);

        // Assert
        Assert.Equal([id], summary.Conflicts);
        Assert.Equal(ExpectedTotal - 1, summary.Added);
        Assert.Equal("something else", _store.GetLatest(id)!.Object.Name);
    }
}
