using Riposte.Access.Audit;
using Riposte.Access.Tests.Support;
using Riposte.Storage.Access;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>The audit log's single writer: entries queued at once share a commit, keep their order and are never lost.</summary>
public abstract class AuditGroupCommitTests(TestProvider provider) : IDisposable
{
    private readonly AccessHarness _node = new(seed: false, provider: provider);

    public void Dispose() => _node.Dispose();

    private static AuditEvent Read(int i) => new(User(MemberOrg), AuditActions.ObjectRead, true, ObjectId: $"indicator--{i}");

    [Fact]
    public async Task AppendAsync_ManyQueuedAtOnce_StoredInAppendOrderInFewerCommits()
    {
        var counting = new CountingRepositories(_node.Repositories);
        using var log = new AuditLog(counting, _node.Time);

        var stored = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => log.AppendAsync(Read(i))).ToList());

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), stored.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"indicator--{i}"), stored.Select(r => r.ObjectId));
        Assert.InRange(counting.Commits, 1, 99);
        Assert.True(log.Verify().IsIntact);
    }

    [Fact]
    public void Dispose_EntriesStillQueued_StoredBeforeItReturns()
    {
        var log = new AuditLog(_node.Repositories, _node.Time);
        for (var i = 0; i < 50; i++)
            _ = log.AppendAsync(Read(i));

        log.Dispose();

        Assert.Equal(50, _node.Audit.Verify().Entries);
    }

    [Fact]
    public void AppendAll_OneSealFails_NothingOfTheBatchStored()
    {
        Func<AuditRecord?, AuditRecord> good = head => AuditChain.Seal(head, Read(1), _node.Time.GetUtcNow());
        Func<AuditRecord?, AuditRecord> bad = _ => throw new InvalidOperationException("seal failed");

        Assert.Throws<InvalidOperationException>(() => _node.Repositories.Audit.AppendAll([good, bad]));

        Assert.Equal(0, _node.Audit.Verify().Entries);
    }

    [Fact]
    public async Task CanReadCollection_DeferredAudit_EntryPendingUntilStoredThenInLog()
    {
        var request = new AccessRequestContext { RemoteAddress = "192.0.2.10", DeferAudit = true };
        var gate = new AccessGate(_node.Store, _node.Directory, _node.Options, _node.Audit, request);

        var allowed = gate.CanReadCollection(User(MemberOrg), "0f3b1c9e-2a4d-4e8f-9b7c-6d5e4f3a2b1c");
        await request.AuditStoredAsync();

        Assert.False(allowed); // an unknown collection
        var entry = Assert.Single(_node.Audit.Query(new AuditFilter { Action = AuditActions.CollectionRead }));
        Assert.False(entry.Allowed);
        Assert.Equal("192.0.2.10", entry.RemoteAddress);
    }

    /// <summary>Counts the transactions the log opens.</summary>
    private sealed class CountingRepositories(IAccessRepositories inner) : IAccessRepositories
    {
        private int _commits;

        public int Commits => _commits;
        public IOrganizationRepository Organizations => inner.Organizations;
        public IUserRepository Users => inner.Users;
        public ITokenRepository Tokens => inner.Tokens;
        public ICollectionRepository Collections => inner.Collections;
        public IAuditRepository Audit => new Counting(this, inner.Audit);

        public void Migrate() => inner.Migrate();

        private sealed class Counting(CountingRepositories owner, IAuditRepository audit) : IAuditRepository
        {
            public AuditRecord Append(Func<AuditRecord?, AuditRecord> seal) => AppendAll([seal])[0];

            public IReadOnlyList<AuditRecord> AppendAll(IReadOnlyList<Func<AuditRecord?, AuditRecord>> seals)
            {
                Interlocked.Increment(ref owner._commits);
                return audit.AppendAll(seals);
            }

            public IReadOnlyList<AuditRecord> Query(AuditFilter filter) => audit.Query(filter);

            public IEnumerable<AuditRecord> ReadAll() => audit.ReadAll();
        }
    }
}

public sealed class AuditGroupCommitTestsOnSqlite() : AuditGroupCommitTests(TestProvider.Sqlite);

public sealed class AuditGroupCommitTestsOnPostgres() : AuditGroupCommitTests(TestProvider.Postgres);
