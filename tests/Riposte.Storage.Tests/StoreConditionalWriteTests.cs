using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class SqliteStoreConditionalWriteTests() : StoreConditionalWriteTests(StoreUnderTest.Sqlite);

public sealed class PostgresStoreConditionalWriteTests() : StoreConditionalWriteTests(StoreUnderTest.Postgres);

/// <summary>PutIfLatest: the optimistic-concurrency write editors use; the check is inside the write transaction.</summary>
public abstract class StoreConditionalWriteTests(Func<TimeProvider?, StoreUnderTest> open) : StoreTests(open)
{
    [Fact]
    public void PutIfLatest_NewIdExpectingNothing_Writes()
    {
        var v1 = Indicator(1, Time(1), name: "v1");

        var written = Store.PutIfLatest(v1, null);

        Assert.True(written.Written);
        Assert.Equal(Time(1), written.LatestVersion);
        Assert.Equal("v1", Store.GetLatest(v1.Id)!.Object.Name);
    }

    [Fact]
    public void PutIfLatest_ExistingIdExpectingNothing_IsRefusedWithTheLatest()
    {
        Store.Put([Indicator(1, Time(1), name: "v1")]);

        var written = Store.PutIfLatest(Indicator(1, Time(2), name: "v2"), null);

        Assert.False(written.Written);
        Assert.Equal(Time(1), written.LatestVersion);
        Assert.Single(Store.GetVersions(Id("indicator", 1)));
    }

    [Fact]
    public void PutIfLatest_TwoStoresOnOneDatabaseEditingTheSameVersion_OnlyTheFirstWrites()
    {
        Store.Put([Indicator(1, Time(1), name: "v1")]);
        var other = Temp.OpenAnother();

        var first = Store.PutIfLatest(Indicator(1, Time(2), name: "mine"), Time(1));
        var second = other.PutIfLatest(Indicator(1, Time(3), name: "theirs"), Time(1));

        Assert.True(first.Written);
        Assert.False(second.Written);
        Assert.Equal(Time(2), second.LatestVersion);
        Assert.Equal("mine", other.GetLatest(Id("indicator", 1))!.Object.Name);
    }

    [Fact]
    public void PutIfLatest_NewVersionNotLaterThanTheLatest_IsRefused()
    {
        Store.Put([Indicator(1, Time(2), name: "v2")]);

        var written = Store.PutIfLatest(Indicator(1, Time(1), name: "older"), Time(2));

        Assert.False(written.Written);
        Assert.Equal("v2", Store.GetLatest(Id("indicator", 1))!.Object.Name);
    }

    [Fact]
    public void PutIfLatest_ManyWritersFromOneVersionAtOnce_ExactlyOneWins()
    {
        Store.Put([Indicator(1, Time(1), name: "v1")]);
        var other = Temp.OpenAnother();

        var results = Enumerable.Range(0, 16).AsParallel().Select(i =>
            (i % 2 == 0 ? Store : other).PutIfLatest(Indicator(1, Time(2, i), name: "edit " + i), Time(1))).ToList();

        Assert.Equal(1, results.Count(r => r.Written));
        Assert.Equal(2, Store.GetVersions(Id("indicator", 1)).Count);
    }
}
