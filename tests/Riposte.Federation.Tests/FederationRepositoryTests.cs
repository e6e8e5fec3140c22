using Riposte.Stix.Markings;
using Riposte.Storage.Federation;
using Riposte.Storage.Postgres.Federation;
using Riposte.Storage.Sqlite.Federation;

namespace Riposte.Federation.Tests;

/// <summary>The federation repository's contract, on every provider.</summary>
public abstract class FederationRepositoryTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    private readonly Action _cleanup;

    protected FederationRepositoryTests(bool postgres)
    {
        if (postgres)
        {
            var database = PostgresTestDatabase.Create();
            Repository = PostgresFederationRepository.For(database.ConnectionString);
            _cleanup = () =>
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                database.Dispose();
            };
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), "riposte-federation-" + Guid.NewGuid().ToString("N") + ".db");
            Repository = SqliteFederationRepository.ForFile(file);
            _cleanup = () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(file);
            };
        }
        Repository.Migrate();
        Repository.Migrate();
    }

    private IFederationRepository Repository { get; }

    public void Dispose() => _cleanup();

    private static PeerRecord Peer(string name, string url = "https://hub.example") =>
        new(name, url, "identity--00000000-0000-4000-8000-0000000000c4", "protected", ["c1"], ["c2"], TlpLevel.Amber, TlpLevel.Green, Push: true, At);

    [Fact]
    public void NodeId_CalledTwice_SameId()
    {
        var first = Repository.NodeId();

        Assert.StartsWith("node--", first, StringComparison.Ordinal);
        Assert.Equal(first, Repository.NodeId());
    }

    [Fact]
    public void Peers_AddUpdateRemove_KeptAndListedByName()
    {
        Assert.True(Repository.AddPeer(Peer("zeta")));
        Assert.True(Repository.AddPeer(Peer("alpha")));
        Assert.False(Repository.AddPeer(Peer("alpha")));
        Assert.True(Repository.UpdatePeer(Peer("alpha", "https://other.example")));
        Repository.SetCursor("alpha", "stream", "5-1");

        Assert.Equal(["alpha", "zeta"], Repository.ListPeers().Select(p => p.Name));
        var alpha = Repository.GetPeer("alpha")!;
        Assert.Equal(("https://other.example", TlpLevel.Amber, TlpLevel.Green, true), (alpha.Url, alpha.OutMax, alpha.InMax, alpha.Push));
        Assert.Equal(["c1"], alpha.OutCollections);
        Assert.True(Repository.RemovePeer("alpha"));
        Assert.Null(Repository.GetCursor("alpha", "stream"));
        Assert.False(Repository.RemovePeer("alpha"));
    }

    [Fact]
    public void Status_ContactsAddUpErrorsClearOnContact()
    {
        Repository.SetCursor("p", "stream", "9-1");
        Repository.RecordContact("p", At, "10-1", applied: 2, rejected: 1);
        Repository.RecordError("p", At.AddSeconds(1), "unreachable");
        Repository.RecordContact("p", At.AddSeconds(2), null, applied: 3, rejected: 0, unchanged: 4, lag: TimeSpan.FromSeconds(2));

        var status = Repository.GetStatus("p");

        Assert.Equal(("9-1", "10-1", (string?)null, 5L, 1L, 4L), (status.StreamCursor, status.RemoteHead, status.LastError, status.Applied, status.Rejected, status.Unchanged));
        Assert.Equal(At.AddSeconds(2), status.LastContact);
        Assert.Equal(TimeSpan.FromSeconds(2), status.Lag);
    }

    [Fact]
    public void Provenance_FirstRecordStands_LookedUpByIdAndVersion()
    {
        var first = new ProvenanceRecord("indicator--1", "v1", "node--a", ["node--a", "node--b"], "hub", At);

        var added = Repository.AddProvenance([first, first with { Origin = "node--x" }, first with { Version = "v2" }]);
        var found = Repository.GetProvenance([("indicator--1", "v1"), ("indicator--1", "v3")]);

        Assert.Equal(2, added);
        var only = Assert.Single(found).Value;
        Assert.Equal(("node--a", "hub", At), (only.Origin, only.ViaPeer, only.Received));
        Assert.Equal(["node--a", "node--b"], only.Path);
    }

    [Fact]
    public void ChangeLog_DeletionsAndJoins_NumberedInOrder()
    {
        var deleted = Repository.AddTombstone("campaign--1", null, "c1", At, stub: "{\"type\":\"campaign\"}");
        var joined = Repository.AddJoined([("indicator--1", "v1"), ("indicator--2", "v1")], "c2", At);

        var log = Repository.TombstonesAfter(0, 10);

        Assert.Equal((1L, 3L, 3L), (deleted, joined, Repository.LastTombstone()));
        Assert.Equal([ChangeKind.Deleted, ChangeKind.Joined, ChangeKind.Joined], log.Select(e => e.Kind));
        Assert.Equal(["campaign--1", "indicator--1", "indicator--2"], log.Select(e => e.Id));
        Assert.Equal(["indicator--2"], Repository.TombstonesAfter(2, 10).Select(e => e.Id));
        Assert.Equal(["{\"type\":\"campaign\"}", null, null], log.Select(e => e.Stub));
    }

    [Fact]
    public void DeletedAmong_DeletionsOfThisCollectionOrTheStore_OnlyTheWantedVersions()
    {
        Repository.AddTombstone("indicator--1", "v1", "c1", At);
        Repository.AddTombstone("indicator--2", "v1", null, At);
        Repository.AddTombstone("indicator--3", "v1", "c2", At);
        Repository.AddJoined([("indicator--4", "v1")], "c1", At);

        var deleted = Repository.DeletedAmong("c1", [("indicator--1", "v1"), ("indicator--1", "v2"), ("indicator--2", "v1"), ("indicator--3", "v1"), ("indicator--4", "v1")]);

        Assert.Equal([("indicator--1", "v1"), ("indicator--2", "v1")], deleted.OrderBy(k => k.Id, StringComparer.Ordinal));
    }
}

public sealed class FederationRepositoryTestsOnSqlite() : FederationRepositoryTests(postgres: false);

public sealed class FederationRepositoryTestsOnPostgres() : FederationRepositoryTests(postgres: true);
