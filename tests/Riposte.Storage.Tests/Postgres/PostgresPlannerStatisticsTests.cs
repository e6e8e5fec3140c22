using Npgsql;
using Riposte.Storage.Postgres;

namespace Riposte.Storage.Tests;

/// <summary>
/// A store that grows fast must not be planned as if empty until autovacuum gets round to it: the store
/// analyses its tables itself once enough rows were written (the TAXII page query took 8–14 s without it).
/// </summary>
public sealed class PostgresPlannerStatisticsTests : IDisposable
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly NpgsqlDataSource _pool;
    private readonly PostgresStixStore _store;

    public PostgresPlannerStatisticsTests()
    {
        _pool = NpgsqlDataSource.Create(_database.ConnectionString);
        _store = new PostgresStixStore(_pool);
        _store.Migrate();
    }

    [Fact]
    public void Put_FewRows_LeavesStatisticsToAutovacuum()
    {
        _store.Put([.. Enumerable.Range(1, 10).Select(i => StixSamples.Identity(i, "few " + i))]);

        Assert.Null(LastManualAnalysis());
    }

    [Fact]
    public void Put_RowsReachTheThreshold_AnalysesTheStoreTables()
    {
        foreach (var batch in Enumerable.Range(1, PlannerStatistics.MinimumRows).Chunk(250))
            _store.Put([.. batch.Select(i => StixSamples.Identity(i, "many " + i))]);

        Assert.NotNull(LastManualAnalysis());
    }

    [Fact]
    public void Put_SameRowsAgain_CountsOnlyNewVersions()
    {
        var objects = Enumerable.Range(1, PlannerStatistics.MinimumRows / 2).Select(i => StixSamples.Identity(i, "again " + i)).ToList();
        _store.Put(objects);

        _store.Put(objects);

        Assert.Null(LastManualAnalysis());
    }

    /// <summary>When stix_objects was last analysed by an ANALYZE command (not autovacuum), waiting briefly for the statistics to be published.</summary>
    private DateTime? LastManualAnalysis()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var command = _pool.CreateCommand("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'stix_objects'");
            if (command.ExecuteScalar() is DateTime at)
                return at;
            Thread.Sleep(100);
        }
        return null;
    }

    public void Dispose()
    {
        _store.Dispose();
        _pool.Dispose();
        _database.Dispose();
    }
}
