using System.Text.Json.Nodes;
using Riposte.Stix;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStoreVersioningTests() : StoreVersioningTests(StoreUnderTest.Sqlite);

public sealed class PostgresStoreVersioningTests() : StoreVersioningTests(StoreUnderTest.Postgres);

public abstract class StoreVersioningTests(Func<TimeProvider?, StoreUnderTest> open) : StoreTests(open)
{
    [Fact]
    public void Put_ThreeVersions_KeepsEveryVersionAndElectsLatest()
    {
        // Arrange: versions arrive out of order
        var v2 = Indicator(1, Time(2), name: "v2");
        var v3 = Indicator(1, Time(3), name: "v3");
        var v1 = Indicator(1, Time(1), name: "v1");

        // Act
        var outcomes = Store.Put([v2, v3]).Concat(Store.Put([v1])).ToList();

        // Assert
        Assert.All(outcomes, o => Assert.Equal(WriteOutcome.Added, o));
        Assert.Equal(["v1", "v2", "v3"], Store.GetVersions(v1.Id).Select(s => s.Object.Name));
        Assert.Equal("v3", Store.GetLatest(v1.Id)!.Object.Name);
        Assert.Equal("v2", Store.GetVersion(v1.Id, Time(2))!.Object.Name);
        Assert.Null(Store.GetVersion(v1.Id, Time(9)));
    }

    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(3, 1, 2)]
    [InlineData(2, 3, 1)]
    [InlineData(1, 3, 2)]
    public void Put_VersionsInOneBatchAnyOrder_OnlyTheNewestIsLatest(int first, int second, int third)
    {
        var id = Id("indicator", 1);

        Store.Put([Indicator(1, Time(first), name: $"v{first}"), Indicator(1, Time(second), name: $"v{second}"), Indicator(1, Time(third), name: $"v{third}")]);

        Assert.Equal(["v3"], Store.Query(new StixQuery { Ids = [id] }).Select(s => s.Object.Name));
        Assert.Equal("v3", Store.GetLatest(id)!.Object.Name);
        Assert.Equal(3, Store.Stats().Versions);
        Assert.Equal(1, Store.Stats().Objects);
    }

    [Fact]
    public void Query_VersionFilters_ReturnLatestFirstAllAndExact()
    {
        var id = Id("indicator", 1);
        Store.Put([Indicator(1, Time(1), name: "v1"), Indicator(1, Time(2), name: "v2"), Indicator(1, Time(3), name: "v3"), Indicator(2, Time(1), name: "other")]);

        string[] Names(StixQuery q) => [.. Store.Query(q with { Ids = [id] }).Select(s => s.Object.Name!)];

        Assert.Equal(["v3"], Names(new StixQuery()));
        Assert.Equal(["v1"], Names(new StixQuery { Versions = VersionFilter.First }));
        Assert.Equal(["v1", "v2", "v3"], Names(new StixQuery { Versions = VersionFilter.All }));
        Assert.Equal(["v1", "v3"], Names(new StixQuery { Versions = VersionFilter.Exact, ExactVersions = [Time(3), Time(1)] }));
    }

    [Fact]
    public void GetVersion_DifferentPrecisionOfSameInstant_FindsIt()
    {
        Store.Put([Indicator(1, "2024-01-02T00:00:00.000Z")]);

        Assert.NotNull(Store.GetVersion(Id("indicator", 1), "2024-01-02T00:00:00Z"));
    }

    [Fact]
    public void Put_SameContentAgain_IsUnchangedAndWritesNothing()
    {
        var obj = Indicator(1);
        Store.Put([obj]);
        var before = Store.Stats();

        var again = Store.Put([Indicator(1)]);

        Assert.Equal([WriteOutcome.Unchanged], again);
        Assert.Equal(before.Versions, Store.Stats().Versions);
        Assert.Single(Store.Query(new StixQuery { Versions = VersionFilter.All }));
    }

    [Fact]
    public void Put_SameContentOtherPropertyOrder_IsUnchanged()
    {
        var obj = Indicator(1);
        Store.Put([obj]);
        var reordered = new JsonObject(obj.Json.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        var again = Store.Put([new StixObject(reordered)]);

        Assert.Equal([WriteOutcome.Unchanged], again);
    }

    [Fact]
    public void Put_SameVersionDifferentContent_IsConflictAndFirstStands()
    {
        Store.Put([Indicator(1, name: "first")]);

        var outcome = Store.Put([Indicator(1, name: "second")]);

        Assert.Equal([WriteOutcome.Conflict], outcome);
        Assert.Equal("first", Store.GetLatest(Id("indicator", 1))!.Object.Name);
    }

    [Fact]
    public void Put_DuplicateInsideOneBatch_SecondIsUnchanged()
    {
        var outcomes = Store.Put([Indicator(1), Indicator(1), Indicator(1, name: "other")]);

        Assert.Equal([WriteOutcome.Added, WriteOutcome.Unchanged, WriteOutcome.Conflict], outcomes);
    }

    [Fact]
    public void Put_Object_KeepsExactJsonAndSequence()
    {
        var obj = StixObject.Parse("""{"type":"identity","spec_version":"2.1","id":"identity--00000009-0000-4000-8000-000000000000","created":"2024-01-01T00:00:00.123456Z","modified":"2024-01-01T00:00:00.123456Z","name":"Київ","x_custom":{"a":[1,2.50]}}""");

        Store.Put([Identity(1, "A")]);
        Store.Put([obj]);
        var stored = Store.GetLatest(obj.Id)!;

        Assert.Equal(obj.ToJson(), stored.Object.ToJson());
        Assert.Equal("""{"type":"identity","spec_version":"2.1","id":"identity--00000009-0000-4000-8000-000000000000","created":"2024-01-01T00:00:00.123456Z","modified":"2024-01-01T00:00:00.123456Z","name":"Київ","x_custom":{"a":[1,2.50]}}""",
            System.Text.Encoding.UTF8.GetString(stored.Object.ToUtf8Json().Span));
        Assert.Equal(2, stored.Sequence);
    }

    [Fact]
    public void Put_UnversionedObject_StoresOnceWithEmptyVersion()
    {
        var marking = StixObject.Parse("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da","created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:GREEN","definition":{"tlp":"green"}}""");
        var sco = StixObject.Parse("""{"type":"x-thing","id":"x-thing--00000001-0000-4000-8000-000000000000"}""");

        var outcomes = Store.Put([marking, sco, sco]);

        Assert.Equal([WriteOutcome.Added, WriteOutcome.Added, WriteOutcome.Unchanged], outcomes);
        Assert.NotNull(Store.GetLatest(sco.Id));
        Assert.NotNull(Store.GetVersion(sco.Id, ""));
        Assert.NotNull(Store.GetVersion(marking.Id, "2017-01-20T00:00:00.000Z"));
    }
}
