using System.Net;
using System.Text.Json.Nodes;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class CollectionsTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCollections_MemberAnalyst_ListsGrantedCollectionsWithRights()
    {
        using var client = host.Client("alice");

        var body = await client.GetJson($"{host.ApiRoot}collections/");

        var byId = ((JsonArray)body["collections"]!).Select(c => c!.AsObject()).ToDictionary(c => (string)c["id"]!);
        Assert.True((bool)byId[TaxiiHost.Shared]["can_read"]! && (bool)byId[TaxiiHost.Shared]["can_write"]!);
        Assert.True((bool)byId[TaxiiHost.Private]["can_write"]!);
        Assert.False((bool)byId[TaxiiHost.ReadOnly]["can_write"]!);
        Assert.Equal(["application/stix+json;version=2.1"], TaxiiHttp.Strings(byId[TaxiiHost.Shared]["media_types"]));
    }

    [Fact]
    public async Task GetCollections_OtherMember_DoesNotSeePrivateCollection()
    {
        using var client = host.Client("bob");

        var body = await client.GetJson($"{host.ApiRoot}collections/");

        var ids = ((JsonArray)body["collections"]!).Select(c => (string)c!["id"]!).ToList();
        Assert.Contains(TaxiiHost.Shared, ids);
        Assert.DoesNotContain(TaxiiHost.Private, ids);
    }

    [Fact]
    public async Task GetCollection_PartnerOnShared_ReadOnly()
    {
        using var client = host.Client("pat");

        var body = await client.GetJson($"{host.ApiRoot}collections/{TaxiiHost.Shared}/");

        Assert.Equal(TaxiiHost.Shared, (string?)body["id"]);
        Assert.Equal("Shared", (string?)body["title"]);
        Assert.True((bool)body["can_read"]!);
        Assert.False((bool)body["can_write"]!);
    }

    [Fact]
    public async Task GetCollection_InvisibleAndUnknown_Identical404()
    {
        using var client = host.Client("bob");

        using var hidden = await client.GetAsync($"{host.ApiRoot}collections/{TaxiiHost.Private}/", Ct);
        using var unknown = await client.GetAsync($"{host.ApiRoot}collections/{Guid.NewGuid()}/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var hiddenError = await TaxiiHttp.JsonOf(hidden);
        var unknownError = await TaxiiHttp.JsonOf(unknown);
        Assert.Equal((string?)unknownError["title"], (string?)hiddenError["title"]);
        Assert.Equal("404", (string?)hiddenError["http_status"]);
    }

    [Fact]
    public async Task GetObjects_InvisibleCollection_404NotForbidden()
    {
        using var client = host.Client("bob");

        using var response = await client.GetAsync(host.Objects(TaxiiHost.Private), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetCollections_OrganisationWithoutGrants_EmptyResource()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(host.Services);
        using var client = host.Client("carol");

        var body = await client.GetJson($"{host.ApiRoot}collections/");

        // carol's organisation is a member, so it sees the member collections but never Private.
        var ids = body["collections"] is JsonArray a ? a.Select(c => (string)c!["id"]!).ToList() : [];
        Assert.DoesNotContain(TaxiiHost.Private, ids);
    }
}
