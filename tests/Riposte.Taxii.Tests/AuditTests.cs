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
        Assert.EndsWith("-> 200 (1 object returned)", allowed.Reason, StringComparison.Ordinal);
        Assert.Equal(TaxiiHost.Shared, allowed.CollectionId);
        Assert.Equal("127.0.0.1", allowed.RemoteAddress);
        var refused = Assert.Single(entries, e => !e.Allowed);
        Assert.EndsWith("-> 404", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetObjectsManifestVersions_PageOfObjects_OneEntryPerRequestWithFilterAndCount()
    {
        var collection = host.NewCollection();
        var id = StixFactory.NewId();
        host.Put(collection,
            StixFactory.AttackPattern(id, modified: "2026-01-01T00:00:00.000Z"), StixFactory.AttackPattern(id, modified: "2026-02-01T00:00:00.000Z"),
            StixFactory.AttackPattern(), StixFactory.Campaign());
        using var bob = host.Client("bob");

        await bob.GetAsync($"{host.Objects(collection)}?match[type]=attack-pattern&limit=2", Ct);
        await bob.GetAsync($"{host.ApiRoot}collections/{collection}/manifest/?match[version]=all", Ct);
        await bob.GetAsync($"{host.Objects(collection)}{id}/versions/", Ct);

        var reads = Entries(new AuditFilter { CollectionId = collection, Action = AuditActions.ObjectRead }).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(3, reads.Count);
        Assert.Contains("?match[type]=attack-pattern&limit=2 -> 200 (2 objects returned)", reads[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("-> 200 (4 manifest records returned)", reads[1].Reason, StringComparison.Ordinal);
        Assert.EndsWith("-> 200 (2 versions returned)", reads[2].Reason, StringComparison.Ordinal);
        Assert.Equal(id, reads[2].ObjectId);
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
