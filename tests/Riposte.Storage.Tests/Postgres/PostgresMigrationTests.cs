using Npgsql;
using Riposte.Storage.Postgres;

namespace Riposte.Storage.Tests;

/// <summary>Migrations run on every start, by every replica: twice in a row and by several at once they apply each step once.</summary>
public sealed class PostgresMigrationTests : IDisposable
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly List<NpgsqlDataSource> _pools = [];

    [Fact]
    public void Migrate_Twice_SecondFindsNothingToDoAndKeepsTheData()
    {
        var store = Open();
        store.Migrate();
        store.Put([StixSamples.Identity(1, "A")]);

        Open().Migrate();

        Assert.Equal(PostgresStixStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(PostgresStixStore.LatestSchemaVersion, StepsRecorded()); // steps are numbered 1..latest
        Assert.Equal("A", store.GetLatest(StixSamples.Id("identity", 1))!.Object.Name);
    }

    [Fact]
    public async Task Migrate_SeveralStoresAtOnce_EachStepAppliedOnce()
    {
        // Separate pools, as separate replicas have; the barrier makes them start together.
        var stores = Enumerable.Range(0, 4).Select(_ => Open()).ToArray();
        using var start = new Barrier(stores.Length);

        await Task.WhenAll(stores.Select(store => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            store.Migrate();
        }, TestContext.Current.CancellationToken)));

        Assert.All(stores, s => Assert.Equal(PostgresStixStore.LatestSchemaVersion, s.SchemaVersion));
        Assert.Equal(PostgresStixStore.LatestSchemaVersion, StepsRecorded()); // steps are numbered 1..latest
        Assert.Equal([WriteOutcome.Added], stores[0].Put([StixSamples.Identity(1, "A")]));
    }

    [Fact]
    public void SchemaVersion_NeverMigrated_IsZero()
    {
        Assert.Equal(0, Open().SchemaVersion);
    }

    private PostgresStixStore Open()
    {
        var pool = NpgsqlDataSource.Create(_database.ConnectionString);
        _pools.Add(pool);
        return new PostgresStixStore(pool);
    }

    private long StepsRecorded()
    {
        using var pool = NpgsqlDataSource.Create(_database.ConnectionString);
        using var command = pool.CreateCommand("SELECT count(*) FROM stix_schema_version");
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        foreach (var pool in _pools)
            pool.Dispose();
        _database.Dispose();
    }
}
