using System.Data.Common;
using Riposte.Access.Audit;
using Riposte.Access.Tests.Support;
using Riposte.Storage.Access;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

public abstract class AuditLogTests(TestProvider provider) : IDisposable
{
    private readonly AccessHarness _node = new(seed: false, provider: provider);

    public void Dispose() => _node.Dispose();

    private void AppendFive()
    {
        for (var i = 1; i <= 5; i++)
        {
            _node.Audit.Append(new AuditEvent(User(MemberOrg), AuditActions.ObjectRead, i != 3, i == 3 ? "TLP:RED" : null, ObjectId: $"indicator--{i}", RemoteAddress: "198.51.100.7"));
            _node.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private void Tamper(string sql)
    {
        // Someone holding the database: drops the append-only triggers first, then edits.
        _node.Database.DropAuditTriggers();
        _node.Database.Execute(sql);
    }

    [Fact]
    public void Verify_UntouchedLog_Intact()
    {
        AppendFive();

        var result = _node.Audit.Verify();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(5, result.Entries);
        Assert.Equal(5, result.HeadSequence);
    }

    [Fact]
    public void Verify_EmptyLog_Intact()
    {
        var result = _node.Audit.Verify();

        Assert.True(result.IsIntact);
        Assert.Equal(AuditChain.Genesis, result.HeadHash);
    }

    [Fact]
    public void Verify_RowEditedWithRawSql_BrokenAtThatEntry()
    {
        AppendFive();

        Tamper("UPDATE access_audit SET allowed = true, reason = NULL WHERE seq = 3");
        var result = _node.Audit.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("edited", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RowEditedAndHashRecomputed_BrokenAtNextEntry()
    {
        AppendFive();
        var third = _node.Repositories.Audit.ReadAll().Single(e => e.Sequence == 3);
        var forged = third with { Allowed = true, Reason = null };
        var forgedHash = AuditChain.HashOf(third.PreviousHash, forged);

        Tamper($"UPDATE access_audit SET allowed = true, reason = NULL, hash = '{forgedHash}' WHERE seq = 3");
        var result = _node.Audit.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.BrokenAt);
    }

    [Fact]
    public void Verify_RowDeletedWithRawSql_BrokenWhereItWas()
    {
        AppendFive();

        Tamper("DELETE FROM access_audit WHERE seq = 2");
        var result = _node.Audit.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RowsSwapped_Broken()
    {
        AppendFive();

        Tamper("UPDATE access_audit SET seq = 100 WHERE seq = 2; UPDATE access_audit SET seq = 2 WHERE seq = 4; UPDATE access_audit SET seq = 4 WHERE seq = 100;");
        var result = _node.Audit.Verify();

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public void Verify_TailCut_DetectedAgainstKeptHead()
    {
        AppendFive();
        var kept = _node.Audit.Verify();

        Tamper("DELETE FROM access_audit WHERE seq = 5");
        var result = _node.Audit.Verify(kept.HeadSequence, kept.HeadHash);

        Assert.False(result.IsIntact);
        Assert.Equal(5, result.BrokenAt);
    }

    [Fact]
    public void Database_UpdateOrDeleteWithTriggersInPlace_Refused()
    {
        AppendFive();

        Assert.ThrowsAny<DbException>(() => _node.Database.Execute("UPDATE access_audit SET reason = 'x' WHERE seq = 1"));
        Assert.ThrowsAny<DbException>(() => _node.Database.Execute("DELETE FROM access_audit"));
        Assert.True(_node.Audit.Verify().IsIntact);
    }

    [Fact]
    public void Query_Filters_CombineWithAnd()
    {
        AppendFive();
        _node.Audit.Append(new AuditEvent(User(PartnerOrg), AuditActions.CollectionRead, true, CollectionId: "c1"));
        var start = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(5, _node.Audit.Query(new AuditFilter { OrganizationId = MemberOrg }).Count);
        Assert.Equal(3, Assert.Single(_node.Audit.Query(new AuditFilter { Allowed = false })).Sequence);
        Assert.Single(_node.Audit.Query(new AuditFilter { ObjectId = "indicator--4", UserId = User(MemberOrg).UserId }));
        Assert.Equal([3L, 2L], _node.Audit.Query(new AuditFilter { From = start.AddSeconds(1), To = start.AddSeconds(3) }).Select(e => e.Sequence));
        Assert.Equal(6, Assert.Single(_node.Audit.Query(new AuditFilter { Action = AuditActions.CollectionRead, CollectionId = "c1" })).Sequence);
        Assert.Equal([6L, 5L], _node.Audit.Query(new AuditFilter { Limit = 2 }).Select(e => e.Sequence));
    }

    [Fact]
    public void Append_ConcurrentWriters_ChainStaysLinear()
    {
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            _node.Audit.Append(new AuditEvent(User(MemberOrg), AuditActions.ObjectWrite, true, ObjectId: $"x--{i}")));

        var result = _node.Audit.Verify();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(40, result.Entries);
    }
}

public sealed class AuditLogTestsOnSqlite() : AuditLogTests(TestProvider.Sqlite);

public sealed class AuditLogTestsOnPostgres() : AuditLogTests(TestProvider.Postgres);
