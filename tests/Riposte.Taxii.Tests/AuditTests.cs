using Microsoft.Extensions.DependencyInjection;
using Riposte.Access.Audit;
using Riposte.Storage.Access;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class AuditTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<AuditRecord> Entries(AuditFilter filter) => host.Services.GetRequiredService<IAuditLog>().Query(filter);

    [Fact]
    public async Task GetObject_AnyOutcome_AuditedWithUserActionObjectAndStatus()
    {
        var id = StixFactory.NewId();
        host.Put(TaxiiHost.Shared, StixFactory.AttackPattern(id, createdBy: TaxiiHost.OrgA));
        using var bob = host.Client("bob");
        using var carol = host.Client("carol");

        await bob.GetAsync($"{host.Objects(TaxiiHost.Shared)}{id}/", Ct);
        await carol.GetAsync($"{host.Objects(TaxiiHost.Private)}{id}/", Ct);

        var entries = Entries(new AuditFilter { ObjectId = id });
        var allowed = Assert.Single(entries, e => e.Allowed);
        Assert.Equal(AuditActions.ObjectRead, allowed.Action);
        Assert.EndsWith("-> 200", allowed.Reason, StringComparison.Ordinal);
        Assert.Equal(TaxiiHost.Shared, allowed.CollectionId);
        Assert.Equal("127.0.0.1", allowed.RemoteAddress);
        var refused = Assert.Single(entries, e => !e.Allowed);
        Assert.EndsWith("-> 404", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostObjects_Audited_AsObjectWrite()
    {
        var collection = host.NewCollection();
        using var alice = host.Client("alice");

        await alice.PostAsync(host.Objects(collection), TaxiiHttp.Envelope(StixFactory.Envelope(StixFactory.AttackPattern())), Ct);

        var entry = Assert.Single(Entries(new AuditFilter { CollectionId = collection, Action = AuditActions.ObjectWrite }));
        Assert.True(entry.Allowed);
        Assert.Contains("POST", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WrongToken_AuditedAsAuthenticationFailure()
    {
        var since = DateTimeOffset.UtcNow;
        using var client = host.Client(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "rpt_wrong");

        await client.GetAsync(host.ApiRoot, Ct);

        Assert.Contains(Entries(new AuditFilter { Action = AuditActions.AuthenticationFailed, From = since }), e => !e.Allowed);
    }
}
