using Riposte.Access.Audit;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;
using Riposte.Storage.Taxii;
using Riposte.Web;

namespace Riposte.Cli.Tests.Postgres;

public sealed class CopyCommandTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private readonly CliRunner _cli = new();
    private readonly PostgresTestDatabase _postgres = PostgresTestDatabase.Create();

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        _postgres.Dispose();
        _cli.Dispose();
    }

    [Fact]
    public async Task Copy_SqliteToPostgresAndBack_EveryObjectRowAndAuditEntryEqual()
    {
        var statusIds = FillSqliteNode();
        var back = Path.Combine(_cli.Folder, "back.db");

        var there = await _cli.RunAsync("copy", "--from", _cli.Db, "--to", _postgres.Url);
        var again = await _cli.RunAsync("copy", "--from", _cli.Db, "--to", _postgres.Url);
        var home = await _cli.RunAsync("copy", "--from", _postgres.Url, "--to", back);

        Assert.True(there.ExitCode == 0, there.Error);
        Assert.True(home.ExitCode == 0, home.Error);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("not empty", again.Error, StringComparison.Ordinal);
        var original = NodeSnapshot.Of(_cli.Db, statusIds);
        Assert.Contains(original, l => l.StartsWith("change ", StringComparison.Ordinal));
        Assert.Contains(original, l => l.StartsWith("member ", StringComparison.Ordinal));
        Assert.Equal(original, NodeSnapshot.Of(_postgres.ConnectionString, statusIds));
        Assert.Equal(original, NodeSnapshot.Of(back, statusIds));
        Assert.True(AuditChain.Verify(NodeDatabases.For(_postgres.Url).OpenAccess(_postgres.Url).Audit.ReadAll(), null, null).IsIntact);
    }

    /// <summary>The demo (STIX, organisations, users, a collection with grants, audit) plus a peer, a deletion, a membership joined later and a TAXII status.</summary>
    private string[] FillSqliteNode()
    {
        using (var node = NodeSession.Open(_cli.Db))
        {
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
            var first = node.Store.Query(new Riposte.Storage.StixQuery { Types = ["threat-actor"] }).First().Object;
            node.Store.Delete(first.Id, collectionId: Demo.CollectionId);
        }
        var tables = NodeDatabases.For(_cli.Db);
        var federation = tables.OpenFederation(_cli.Db);
        federation.NodeId();
        federation.AddPeer(new PeerRecord("hub", "https://hub.example", "identity--00000000-0000-4000-8000-0000000000c4", "protected-token",
            [Demo.CollectionId], [], TlpLevel.Amber, TlpLevel.Green, Push: false, At));
        federation.SetCursor("hub", "stream", "42-7");
        federation.RecordContact("hub", At, "50-1", applied: 3, rejected: 1);
        federation.AddProvenance([new ProvenanceRecord("indicator--1", "2026-01-01T00:00:00.000Z", "node--a", ["node--a", "node--b"], "hub", At)]);
        var status = new TaxiiStatus
        {
            Id = "b1a7c0de-0000-4000-8000-000000000001",
            OwnerUserId = "user--x",
            CollectionId = Demo.CollectionId,
            RequestTimestamp = At,
            Successes = [new TaxiiStatusDetail("indicator--1", "2026-01-01T00:00:00.000Z")],
            Failures = [new TaxiiStatusDetail("indicator--2", "2026-01-01T00:00:00.000Z", "refused")],
        };
        tables.OpenTaxiiStatus(_cli.Db).Save(status);
        return [status.Id];
    }
}
