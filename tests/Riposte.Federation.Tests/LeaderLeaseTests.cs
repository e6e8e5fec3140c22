using Riposte.Federation.Sync;
using Riposte.Storage.Postgres.Node;

namespace Riposte.Federation.Tests;

/// <summary>The leader lease replicas on one PostgreSQL database compete for.</summary>
public sealed class LeaderLeaseTests : IDisposable
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        _database.Dispose();
    }

    [Fact]
    public void TryAcquire_TwoReplicas_OneLeadsUntilItsConnectionEndsThenTheOtherTakesOver()
    {
        using var first = new PostgresLeaderLease(_database.ConnectionString, SyncLeadership.LeaseName);
        using var second = new PostgresLeaderLease(_database.ConnectionString, SyncLeadership.LeaseName);
        using var other = new PostgresLeaderLease(_database.ConnectionString, "scheduled-reports");

        Assert.True(first.TryAcquire());
        Assert.False(second.TryAcquire());
        Assert.True(first.TryAcquire());
        Assert.True(other.TryAcquire());

        first.Dispose(); // the leader's process ends: its session, and the lock, go with it

        Assert.True(second.TryAcquire());
        Assert.False(first.IsHeld);
    }

    [Fact]
    public void TryAcquire_LeadersConnectionCut_LeaderNoticesAndTheOtherTakesOver()
    {
        using var first = new PostgresLeaderLease(_database.ConnectionString, SyncLeadership.LeaseName);
        using var second = new PostgresLeaderLease(_database.ConnectionString, SyncLeadership.LeaseName);
        Assert.True(first.TryAcquire());

        // What a network cut or a killed backend looks like from the server: the session holding the lock ends.
        using (var admin = new Npgsql.NpgsqlConnection(_database.ConnectionString))
        {
            admin.Open();
            using var kill = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", admin);
            kill.ExecuteNonQuery();
        }

        Assert.False(first.TryAcquire());
        Assert.True(second.TryAcquire());
        Assert.False(first.TryAcquire());
    }

    [Fact]
    public void SyncLeadership_WithoutLease_AlwaysLeads()
    {
        using var single = new SyncLeadership(null);

        Assert.True(single.TryLead());
        Assert.True(single.IsLeader);
    }
}
