using System.Net;
using System.Text.Json.Nodes;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class SqliteGetObjectsTests(TaxiiHost host) : GetObjectsTests(host);

public sealed class PostgresGetObjectsTests(PostgresTaxiiHost host) : GetObjectsTests(host.Started());

public abstract class GetObjectsTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh collection with one object in three versions and a campaign.</summary>
    private (string Collection, string Id, string CampaignId) ThreeVersions()
    {
        var collection = host.NewCollection();
        var id = StixFactory.NewId();
        var campaign = StixFactory.Campaign();
        host.Put(collection, StixFactory.AttackPattern(id, "2026-01-01T00:00:00.000Z"));
        host.Put(collection, StixFactory.AttackPattern(id, "2026-03-01T00:00:00.000Z"), campaign);
        host.Put(collection, StixFactory.AttackPattern(id, "2026-02-01T00:00:00.000Z"));
        return (collection, id, (string)campaign["id"]!);
    }

    private static IReadOnlyList<string> Versions(JsonObject envelope) =>
        envelope["objects"] is JsonArray a ? a.Select(o => (string)o!["modified"]!).ToList() : [];

    [Fact]
    public async Task GetObjects_NoVersionFilter_OnlyLatestVersions()
    {
        var (collection, id, campaign) = ThreeVersions();
        using var client = host.Client("bob");

        var body = await client.GetJson(host.Objects(collection));

        Assert.False((bool)body["more"]!);
        Assert.Equal(2, TaxiiHttp.Ids(body).Count);
        Assert.Contains(campaign, TaxiiHttp.Ids(body));
        var pattern = ((JsonArray)body["objects"]!).Single(o => (string)o!["id"]! == id)!;
        Assert.Equal("2026-03-01T00:00:00.000Z", (string?)pattern["modified"]);
    }

    [Theory]
    [InlineData("all", new[] { "2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z" })]
    [InlineData("first", new[] { "2026-01-01T00:00:00.000Z" })]
    [InlineData("last", new[] { "2026-03-01T00:00:00.000Z" })]
    [InlineData("2026-02-01T00:00:00Z", new[] { "2026-02-01T00:00:00.000Z" })]
    [InlineData("first,last", new[] { "2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z" })]
    [InlineData("last,2026-02-01T00:00:00.000Z", new[] { "2026-03-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z" })]
    public async Task GetObjects_MatchVersion_ReturnsThoseVersionsInAddedOrder(string match, string[] expected)
    {
        var (collection, id, _) = ThreeVersions();
        using var client = host.Client("bob");

        var body = await client.GetJson($"{host.Objects(collection)}?match[id]={id}&match[version]={match}");

        Assert.Equal(expected, Versions(body));
    }

    [Fact]
    public async Task GetObjects_MatchTypeAndSpecVersion_Filter()
    {
        var (collection, _, campaign) = ThreeVersions();
        using var client = host.Client("bob");

        var campaigns = await client.GetJson($"{host.Objects(collection)}?match[type]=campaign");
        var both = await client.GetJson($"{host.Objects(collection)}?match[type]=campaign,attack-pattern");
        var noneAt20 = await client.GetJson($"{host.Objects(collection)}?match[spec_version]=2.0");
        var allAt21 = await client.GetJson($"{host.Objects(collection)}?match[spec_version]=2.1");

        Assert.Equal([campaign], TaxiiHttp.Ids(campaigns));
        Assert.Equal(2, TaxiiHttp.Ids(both).Count);
        Assert.Empty(TaxiiHttp.Ids(noneAt20));
        Assert.Null(noneAt20["objects"]);
        Assert.Equal(2, TaxiiHttp.Ids(allAt21).Count);
    }

    [Fact]
    public async Task GetObjects_AddedAfterLastHeader_ReturnsOnlyLaterAdditions()
    {
        var collection = host.NewCollection();
        host.Put(collection, StixFactory.AttackPattern());
        using var client = host.Client("bob");
        using var first = await client.GetAsync(host.Objects(collection), Ct);
        var last = first.Headers.GetValues("X-TAXII-Date-Added-Last").Single();
        var later = StixFactory.AttackPattern();
        host.Put(collection, later);

        var body = await client.GetJson($"{host.Objects(collection)}?added_after={last}");

        Assert.Equal([(string)later["id"]!], TaxiiHttp.Ids(body));
    }

    [Fact]
    public async Task GetObjects_Limit_PagesWithMoreNextAndDateAddedHeaders()
    {
        var collection = host.NewCollection();
        var ids = Enumerable.Range(0, 5).Select(_ => StixFactory.AttackPattern()).ToList();
        foreach (var o in ids)
            host.Put(collection, o);
        using var client = host.Client("bob");

        using var firstResponse = await client.GetAsync($"{host.Objects(collection)}?limit=2", Ct);
        var first = await TaxiiHttp.JsonOf(firstResponse);
        var second = await client.GetJson($"{host.Objects(collection)}?limit=2&next={Uri.EscapeDataString((string)first["next"]!)}");
        var third = await client.GetJson($"{host.Objects(collection)}?limit=2&next={Uri.EscapeDataString((string)second["next"]!)}");

        Assert.True((bool)first["more"]!);
        Assert.True((bool)second["more"]!);
        Assert.False((bool)third["more"]!);
        Assert.Null(third["next"]);
        Assert.Equal(ids.Select(o => (string)o["id"]!), [.. TaxiiHttp.Ids(first), .. TaxiiHttp.Ids(second), .. TaxiiHttp.Ids(third)]);
        var firstAdded = DateTimeOffset.Parse(firstResponse.Headers.GetValues("X-TAXII-Date-Added-First").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var lastAdded = DateTimeOffset.Parse(firstResponse.Headers.GetValues("X-TAXII-Date-Added-Last").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(firstAdded < lastAdded);
    }

    [Fact]
    public async Task GetObjects_ObjectsAddedWhilePaging_NeitherSkippedNorRepeated()
    {
        var collection = host.NewCollection();
        var expected = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var o = StixFactory.AttackPattern();
            host.Put(collection, o);
            expected.Add((string)o["id"]!);
        }
        using var client = host.Client("bob");
        var seen = new List<string>();
        string? next = null;
        var pages = 0;

        do
        {
            var url = $"{host.Objects(collection)}?limit=2" + (next is null ? "" : $"&next={Uri.EscapeDataString(next)}");
            var page = await client.GetJson(url);
            seen.AddRange(TaxiiHttp.Ids(page));
            next = (bool)page["more"]! ? (string)page["next"]! : null;
            if (pages++ < 3)
            {
                // Someone posts while we page: the new object must show up exactly once, at the end.
                var added = StixFactory.AttackPattern();
                host.Put(collection, added);
                expected.Add((string)added["id"]!);
            }
        }
        while (next is not null && pages < 50);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task GetObjects_LimitAboveServerMaximum_CappedToMaximum()
    {
        var collection = host.NewCollection();
        host.Store.Put(Enumerable.Range(0, TaxiiHost.MaxPageSize + 3).Select(_ => new Stix.StixObject(StixFactory.AttackPattern())).ToList(), collection);
        using var client = host.Client("bob");

        var body = await client.GetJson($"{host.Objects(collection)}?limit=99999999999");

        Assert.Equal(TaxiiHost.MaxPageSize, TaxiiHttp.Ids(body).Count);
        Assert.True((bool)body["more"]!);
    }

    [Fact]
    public async Task GetObjects_EmptyCollection_EmptyEnvelopeWithoutHeaders()
    {
        var collection = host.NewCollection();
        using var client = host.Client("bob");

        using var response = await client.GetAsync(host.Objects(collection), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"more\":false}", await response.Content.ReadAsStringAsync(Ct));
        Assert.False(response.Headers.Contains("X-TAXII-Date-Added-First"));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=-1")]
    [InlineData("limit=ten")]
    [InlineData("limit=")]
    [InlineData("limit=1&limit=2")]
    [InlineData("added_after=yesterday")]
    [InlineData("added_after=2026-01-01T00:00:00%2B01:00")]
    [InlineData("match[version]=newest")]
    [InlineData("match[version]=last,,first")]
    [InlineData("match[id]=not-an-id")]
    [InlineData("match[type]=Attack_Pattern")]
    [InlineData("match[spec_version]=two")]
    [InlineData("match[color]=red")]
    [InlineData("next=garbage")]
    [InlineData("next=")]
    public async Task GetObjects_BadFilter_400NamesTheParameter(string query)
    {
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{host.Objects(TaxiiHost.Shared)}?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await TaxiiHttp.JsonOf(response);
        Assert.Equal("400", (string?)error["http_status"]);
        Assert.Contains(query.Split('=')[0], (string?)error["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetObjects_UnknownPlainParameter_Ignored()
    {
        using var client = host.Client("bob");

        using var response = await client.GetAsync($"{host.Objects(TaxiiHost.Shared)}?utm_source=mail&limit=1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetObjects_TamperedNextToken_400()
    {
        var collection = host.NewCollection();
        host.Put(collection, StixFactory.AttackPattern(), StixFactory.AttackPattern());
        using var client = host.Client("bob");
        var first = await client.GetJson($"{host.Objects(collection)}?limit=1");
        var token = (string)first["next"]!;
        var tampered = (token[5] == 'A' ? "B" : "A") is var c ? token[..5] + c + token[6..] : token;

        using var response = await client.GetAsync($"{host.Objects(collection)}?limit=1&next={Uri.EscapeDataString(tampered)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("next", (string?)(await TaxiiHttp.JsonOf(response))["description"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "&match[type]=campaign")] // same user, other filters
    [InlineData("alice", "")] // another user
    public async Task GetObjects_NextTokenOfAnotherQuery_400(string user, string extra)
    {
        var collection = host.NewCollection();
        host.Put(collection, StixFactory.AttackPattern(), StixFactory.AttackPattern());
        using var bob = host.Client("bob");
        var token = (string)(await bob.GetJson($"{host.Objects(collection)}?limit=1"))["next"]!;
        using var client = host.Client(user);

        using var response = await client.GetAsync($"{host.Objects(collection)}?limit=1&next={Uri.EscapeDataString(token)}{extra}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetObjects_NextTokenOfAnotherCollection_400()
    {
        var one = host.NewCollection();
        var two = host.NewCollection();
        host.Put(one, StixFactory.AttackPattern(), StixFactory.AttackPattern());
        using var client = host.Client("bob");
        var token = (string)(await client.GetJson($"{host.Objects(one)}?limit=1"))["next"]!;

        using var response = await client.GetAsync($"{host.Objects(two)}?limit=1&next={Uri.EscapeDataString(token)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
