using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStoreSearchAndMaintenanceTests() : StoreSearchAndMaintenanceTests(StoreUnderTest.Sqlite);

public sealed class PostgresStoreSearchAndMaintenanceTests() : StoreSearchAndMaintenanceTests(StoreUnderTest.Postgres);

public abstract class StoreSearchAndMaintenanceTests(Func<TimeProvider?, StoreUnderTest> open) : StoreTests(open)
{
    [Theory]
    [InlineData("Kyiv")]
    [InlineData("Kýiv")]
    [InlineData("kyiv")]
    public void Search_Diacritics_MatchEitherSpelling(string query)
    {
        Store.Put([Indicator(1, name: "Narrative about Kýiv"), Indicator(2, name: "Unrelated"), Identity(3, "Kyiv Media Group")]);

        var ids = Store.Search(query).Select(s => s.Object.Id).Order().ToList();

        Assert.Equal([Id("identity", 3), Id("indicator", 1)], ids);
    }

    [Fact]
    public void Search_DescriptionLabelsAndExternalIds_AreSearchable()
    {
        Store.Put([Indicator(1, description: "coordinated inauthentic behaviour", labels: ["doppelganger"]), AttackPattern(2, "Amplify", "T0049.003")]);

        Assert.Equal(Id("indicator", 1), Store.Search("inauthentic").Single().Object.Id);
        Assert.Equal(Id("indicator", 1), Store.Search("doppelganger").Single().Object.Id);
        Assert.Equal(Id("attack-pattern", 2), Store.Search("T0049.003").Single().Object.Id);
    }

    [Fact]
    public void Search_OldVersionText_ReturnsOnlyLatest()
    {
        Store.Put([Indicator(1, Time(1), name: "obsolete wording"), Indicator(1, Time(2), name: "current wording")]);

        Assert.Empty(Store.Search("obsolete"));
        Assert.Equal("current wording", Store.Search("wording").Single().Object.Name);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b) OR * ^")]
    [InlineData("")]
    public void Search_FtsSyntaxInInput_NeverThrows(string query)
    {
        Store.Put([Indicator(1, name: "a b")]);

        var results = Store.Search(query);

        Assert.True(results.Count <= 1);
    }

    [Fact]
    public void Delete_AllVersions_RemovesObjectAndIndexRows()
    {
        Store.Put([Indicator(1, Time(1), labels: ["x"]), Indicator(1, Time(2), labels: ["x"]), Indicator(2, labels: ["x"])]);

        var deleted = Store.Delete(Id("indicator", 1));

        Assert.Equal(2, deleted);
        Assert.Null(Store.GetLatest(Id("indicator", 1)));
        Assert.Equal([Id("indicator", 2)], Store.Query(new StixQuery { Label = "x", Versions = VersionFilter.All }).Select(s => s.Object.Id));
        Assert.Equal(Id("indicator", 2), Store.Search("bad").Single().Object.Id);
    }

    [Fact]
    public void Delete_LatestVersion_PreviousBecomesLatest()
    {
        Store.Put([Indicator(1, Time(1), name: "v1"), Indicator(1, Time(2), name: "v2")]);

        Assert.Equal(1, Store.Delete(Id("indicator", 1), Time(2)));

        Assert.Equal("v1", Store.GetLatest(Id("indicator", 1))!.Object.Name);
    }

    [Fact]
    public void Delete_FromCollection_KeepsObjectInStore()
    {
        Store.Put([Indicator(1)], "c1");

        Assert.Equal(1, Store.Delete(Id("indicator", 1), collectionId: "c1"));

        Assert.Empty(Store.Query(new StixQuery { CollectionId = "c1" }));
        Assert.NotNull(Store.GetLatest(Id("indicator", 1)));
    }

    [Fact]
    public void Stats_CountsObjectsVersionsAndTypes()
    {
        Store.Put([Indicator(1, Time(1)), Indicator(1, Time(2)), Identity(2, "A"), Identity(3, "B")]);

        var stats = Store.Stats();

        Assert.Equal(3, stats.Objects);
        Assert.Equal(4, stats.Versions);
        Assert.Equal(2, stats.ByType["identity"]);
        Assert.Equal(1, stats.ByType["indicator"]);
    }

    [Fact]
    public void Migrate_Repeated_IsIdempotentAndKeepsData()
    {
        Store.Put([Indicator(1)]);

        Store.Migrate();
        var reopened = Temp.Reopen();
        reopened.Migrate();

        Assert.Equal(Temp.LatestSchemaVersion, Temp.SchemaVersion);
        Assert.NotNull(reopened.GetLatest(Id("indicator", 1)));
    }
}
