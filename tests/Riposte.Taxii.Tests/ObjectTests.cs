using System.Net;
using System.Text.Json.Nodes;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class SqliteObjectTests(TaxiiHost host) : ObjectTests(host);

public sealed class PostgresObjectTests(PostgresTaxiiHost host) : ObjectTests(host.Started());

public abstract class ObjectTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (string Collection, string Id) ThreeVersions()
    {
        var collection = host.NewCollection();
        var id = StixFactory.NewId();
        foreach (var modified in new[] { "2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z" })
            host.Put(collection, StixFactory.AttackPattern(id, modified, createdBy: TaxiiHost.OrgB));
        return (collection, id);
    }

    private string ObjectUrl(string collection, string id) => $"{host.Objects(collection)}{id}/";

    [Fact]
    public async Task GetObject_Default_LatestVersionInEnvelopeWithHeaders()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.GetAsync(ObjectUrl(collection, id), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TaxiiHttp.JsonOf(response);
        Assert.Equal("2026-03-01T00:00:00.000Z", (string?)body["objects"]![0]!["modified"]);
        Assert.Single((JsonArray)body["objects"]!);
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-First"));
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-Last"));
    }

    [Fact]
    public async Task GetObject_AllVersionsWithLimit_PagesThroughVersions()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        var first = await client.GetJson($"{ObjectUrl(collection, id)}?match[version]=all&limit=2");
        var rest = await client.GetJson($"{ObjectUrl(collection, id)}?match[version]=all&limit=2&next={Uri.EscapeDataString((string)first["next"]!)}");

        Assert.True((bool)first["more"]!);
        Assert.Equal(2, ((JsonArray)first["objects"]!).Count);
        Assert.False((bool)rest["more"]!);
        Assert.Single((JsonArray)rest["objects"]!);
    }

    [Theory]
    [InlineData("match[type]=attack-pattern")]
    [InlineData("match[id]=attack-pattern--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    public async Task GetObject_MatchFieldNotSupportedHere_400(string query)
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{ObjectUrl(collection, id)}?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("attack-pattern--00000000-0000-4000-8000-000000000000")]
    [InlineData("not-a-stix-id")]
    public async Task GetObject_NotInCollection_404(string id)
    {
        using var client = host.Client("bob");

        using var response = await client.GetAsync(ObjectUrl(TaxiiHost.Shared, id), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", (string?)(await TaxiiHttp.JsonOf(response))["http_status"]);
    }

    [Fact]
    public async Task GetObject_InAnotherCollectionOnly_404()
    {
        var (_, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.GetAsync(ObjectUrl(TaxiiHost.Shared, id), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetVersions_Default_AllVersionsInAddedOrderWithHeaders()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{ObjectUrl(collection, id)}versions/", Ct);

        var body = await TaxiiHttp.JsonOf(response);
        Assert.Equal(["2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"], TaxiiHttp.Strings(body["versions"]));
        Assert.False((bool)body["more"]!);
        Assert.True(response.Headers.Contains("X-TAXII-Date-Added-Last"));
    }

    [Fact]
    public async Task GetVersions_Limit_MoreAndNext()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        var first = await client.GetJson($"{ObjectUrl(collection, id)}versions/?limit=1");
        var second = await client.GetJson($"{ObjectUrl(collection, id)}versions/?limit=5&next={Uri.EscapeDataString((string)first["next"]!)}");

        Assert.Equal(["2026-01-01T00:00:00.000Z"], TaxiiHttp.Strings(first["versions"]));
        Assert.True((bool)first["more"]!);
        Assert.Equal(["2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"], TaxiiHttp.Strings(second["versions"]));
    }

    [Fact]
    public async Task GetVersions_MatchVersion_400BecauseVersionsTakesNone()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{ObjectUrl(collection, id)}versions/?match[version]=first", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetVersions_UnknownObject_404()
    {
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{ObjectUrl(TaxiiHost.Shared, StixFactory.NewId())}versions/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteObject_Default_RemovesLatestVersionOnly()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.DeleteAsync(ObjectUrl(collection, id), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = await client.GetJson($"{ObjectUrl(collection, id)}versions/");
        Assert.Equal(["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"], TaxiiHttp.Strings(versions["versions"]));
    }

    [Fact]
    public async Task DeleteObject_MatchVersionAll_ObjectGone404Afterwards()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.DeleteAsync($"{ObjectUrl(collection, id)}?match[version]=all", Ct);
        using var after = await client.GetAsync(ObjectUrl(collection, id), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task DeleteObject_ExactVersion_RemovesThatVersion()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.DeleteAsync($"{ObjectUrl(collection, id)}?match[version]=2026-01-01T00:00:00.000Z", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var versions = await client.GetJson($"{ObjectUrl(collection, id)}versions/");
        Assert.Equal(["2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"], TaxiiHttp.Strings(versions["versions"]));
    }

    [Fact]
    public async Task DeleteObject_ReaderRole_403AndNothingDeleted()
    {
        var id = StixFactory.NewId();
        host.Put(TaxiiHost.Shared, StixFactory.AttackPattern(id, createdBy: TaxiiHost.OrgA));
        using var client = host.Client("amy");

        using var response = await client.DeleteAsync(ObjectUrl(TaxiiHost.Shared, id), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(host.Store.GetLatest(id));
    }

    [Fact]
    public async Task DeleteObject_Unknown_404()
    {
        using var client = host.Client("bob");

        using var response = await client.DeleteAsync(ObjectUrl(TaxiiHost.Shared, StixFactory.NewId()), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetManifest_Records_IdDateAddedVersionMediaType()
    {
        var (collection, id) = ThreeVersions();
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{host.ApiRoot}collections/{collection}/manifest/?match[version]=all", Ct);

        var body = await TaxiiHttp.JsonOf(response);
        var records = ((JsonArray)body["objects"]!).Select(r => r!.AsObject()).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(id, (string?)r["id"]));
        Assert.All(records, r => Assert.Equal("application/stix+json;version=2.1", (string?)r["media_type"]));
        Assert.All(records, r => Assert.True(Stix.StixTimestamp.TryParse((string?)r["date_added"], out _)));
        Assert.Equal(["2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"], records.Select(r => (string)r["version"]!));
        Assert.Equal((string?)records[0]["date_added"], response.Headers.GetValues("X-TAXII-Date-Added-First").Single());
        Assert.Equal((string?)records[^1]["date_added"], response.Headers.GetValues("X-TAXII-Date-Added-Last").Single());
    }

    [Fact]
    public async Task GetManifest_DefaultAndPaging_LatestOnlyWithNext()
    {
        var collection = host.NewCollection();
        var id = StixFactory.NewId();
        host.Put(collection, StixFactory.AttackPattern(id, "2026-01-01T00:00:00.000Z"), StixFactory.Campaign());
        host.Put(collection, StixFactory.AttackPattern(id, "2026-05-01T00:00:00.000Z"));
        using var client = host.Client("bob");

        var first = await client.GetJson($"{host.ApiRoot}collections/{collection}/manifest/?limit=1");
        var second = await client.GetJson($"{host.ApiRoot}collections/{collection}/manifest/?limit=1&next={Uri.EscapeDataString((string)first["next"]!)}");

        Assert.True((bool)first["more"]!);
        Assert.False((bool)second["more"]!);
        Assert.Equal("campaign", ((string)first["objects"]![0]!["id"]!).Split("--")[0]);
        Assert.Equal("2026-05-01T00:00:00.000Z", (string?)second["objects"]![0]!["version"]);
    }
}
