using System.Net;
using Riposte.Incidents.Tests.Support;

namespace Riposte.Incidents.Tests;

/// <summary>Concurrency, validation, history and who must not see or edit, over real HTTP.</summary>
public sealed class HttpRulesTests : IAsyncLifetime
{
    private readonly NodeHost _node = new();

    public async ValueTask InitializeAsync() => await _node.StartAsync();

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static object NewIncident(string tlp = "amber") => new { name = "Fake ministry posts", category = "election-interference", tlp };

    [Fact]
    public async Task Patch_TwoAnalystsFromSameVersion_SecondGets412()
    {
        using var alice = _node.Client("alice");
        using var bob = _node.Client("bob");
        var (created, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", NewIncident());
        var path = $"/api/incidents/{created["id"]}";

        await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Patch, path, new { impact = "high" }, etag);
        var (problem, _) = await HttpCalls.ExpectAsync(HttpStatusCode.PreconditionFailed, bob, HttpMethod.Patch, path, new { impact = "low" }, etag);

        Assert.NotNull(problem["currentVersion"]);
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Gets428()
    {
        using var alice = _node.Client("alice");
        var (created, _) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", NewIncident());

        await HttpCalls.ExpectAsync((HttpStatusCode)428, alice, HttpMethod.Patch, $"/api/incidents/{created["id"]}", new { impact = "high" });
    }

    [Fact]
    public async Task Post_InvalidFields_Gets400NamingEachField()
    {
        using var alice = _node.Client("alice");

        var (problem, _) = await HttpCalls.ExpectAsync(HttpStatusCode.BadRequest, alice, HttpMethod.Post, "/api/incidents",
            new { name = "", category = "gossip", tlp = "purple", evidence = new[] { new { kind = "post", @ref = "x:1", sha256 = "abc" } } });

        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name") && errors.ContainsKey("category") && errors.ContainsKey("tlp") && errors.ContainsKey("evidence[0].sha256"), errors.ToJsonString());
    }

    [Fact]
    public async Task History_AfterTwoEdits_ShowsWhoChangedWhat()
    {
        using var alice = _node.Client("alice");
        using var bob = _node.Client("bob");
        var (created, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", NewIncident());
        var path = $"/api/incidents/{created["id"]}";
        await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Patch, path, new { impact = "high", languages = new[] { "fr" } }, etag);

        var (history, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, path + "/history");

        Assert.Equal(2, history.AsArray().Count);
        Assert.Equal("alice", UserName(history[0]!["editedBy"]!.GetValue<string>()));
        Assert.Equal("bob", UserName(history[1]!["editedBy"]!.GetValue<string>()));
        Assert.Contains(history[1]!["changed"]!.AsArray(), c => c!.GetValue<string>() == "impact");
    }

    [Fact]
    public async Task VersionsAndDiff_AfterAnEdit_GiveTheOldVersionAndEachValueBeforeAndAfter()
    {
        using var alice = _node.Client("alice");
        using var pat = _node.Client("pat");
        var (created, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", NewIncident());
        var path = $"/api/incidents/{created["id"]}";
        var first = etag!.Trim('"');
        await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Patch, path, new { impact = "high", name = "Fake ministry posts (Telegram)" }, etag);

        var (old, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, $"{path}/versions/{first}");
        var (diff, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, $"{path}/diff?from={first}");

        Assert.Equal("Fake ministry posts", old["name"]!.GetValue<string>());
        var changes = diff["changes"]!.AsArray().ToDictionary(c => c!["path"]!.GetValue<string>(), c => c!);
        Assert.Equal("Fake ministry posts (Telegram)", changes["name"]["after"]!.GetValue<string>());
        Assert.Equal("high", changes[$"extensions.{Model.RiposteExtensions.IncidentId}.impact"]["after"]!.GetValue<string>());
        Assert.Null(changes[$"extensions.{Model.RiposteExtensions.IncidentId}.impact"]["before"]);
        await HttpCalls.ExpectAsync(HttpStatusCode.NotFound, alice, HttpMethod.Get, $"{path}/versions/2001-01-01T00:00:00.000Z");
        await HttpCalls.ExpectAsync(HttpStatusCode.NotFound, pat, HttpMethod.Get, $"{path}/versions/{first}");
    }

    [Fact]
    public async Task Post_BodyOfTheWrongShape_Gets400ProblemWithTheJsonPath()
    {
        using var alice = _node.Client("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents")
        {
            Content = new StringContent("""{"name": "x", "category": "election-interference", "languages": "fr"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await alice.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = System.Text.Json.Nodes.JsonNode.Parse(body)!["errors"]!.AsObject();
        Assert.Contains("$.languages", Assert.Single(errors["languages"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_PatchedThenPatchedFromTheOldVersion_SecondGets412AndHistoryHasBoth()
    {
        using var alice = _node.Client("alice");
        using var bob = _node.Client("bob");
        var (incident, _) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", NewIncident());
        var (lesson, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/lessons",
            new { kind = "best-practice", title = "Pre-bunk before the vote", content = "Explain the technique first.", objectRefs = new[] { incident["id"]!.GetValue<string>() } });
        var path = $"/api/lessons/{lesson["id"]}";

        var (updated, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Patch, path, new { content = "Explain the technique a week before." }, etag);
        await HttpCalls.ExpectAsync(HttpStatusCode.PreconditionFailed, bob, HttpMethod.Patch, path, new { title = "Something else" }, etag);
        var (history, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Get, path + "/history");

        Assert.Equal("Explain the technique a week before.", updated["content"]!.GetValue<string>());
        Assert.Equal(2, history.AsArray().Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{\"name\": ")]
    public async Task Post_BodyThatIsNoJsonObject_Gets400NamingTheBody(string body)
    {
        using var alice = _node.Client("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        using var response = await alice.SendAsync(request, TestContext.Current.CancellationToken);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![body.StartsWith('{') ? "name" : "body"]);
    }

    [Theory]
    [InlineData("rita")]
    [InlineData("pat")]
    [InlineData("olga")]
    public async Task Post_ByReaderPartnerOrOutreach_Gets403(string user)
    {
        using var client = _node.Client(user);

        await HttpCalls.ExpectAsync(HttpStatusCode.Forbidden, client, HttpMethod.Post, "/api/incidents", NewIncident());
    }

    [Fact]
    public async Task Get_AmberIncidentByPartner_Gets404AndIsNotListed()
    {
        using var alice = _node.Client("alice");
        using var pat = _node.Client("pat");
        var (created, _) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", NewIncident("amber"));

        await HttpCalls.ExpectAsync(HttpStatusCode.NotFound, pat, HttpMethod.Get, $"/api/incidents/{created["id"]}");
        var (list, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, pat, HttpMethod.Get, "/api/incidents");
        Assert.Empty(list.AsArray());
    }

    [Fact]
    public async Task Get_WithoutCredentials_Gets401()
    {
        using var anonymous = new HttpClient { BaseAddress = _node.BaseAddress };

        var (status, _, _) = await HttpCalls.SendAsync(anonymous, HttpMethod.Get, "/api/incidents");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Tips_OtherOutreachUser_SeesNeitherListNorTip()
    {
        using var olga = _node.Client("olga");
        using var otto = _node.Client("otto");
        var (tip, _) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, olga, HttpMethod.Post, "/api/tips", new { text = "Fake ministry channel", links = new[] { "https://t.me/fake" } });

        var (mine, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, olga, HttpMethod.Get, "/api/tips");
        var (theirs, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, otto, HttpMethod.Get, "/api/tips");

        Assert.Single(mine.AsArray());
        Assert.Empty(theirs.AsArray());
        await HttpCalls.ExpectAsync(HttpStatusCode.NotFound, otto, HttpMethod.Get, $"/api/tips/{tip["id"]}");
        await HttpCalls.ExpectAsync(HttpStatusCode.Forbidden, olga, HttpMethod.Post, $"/api/tips/{tip["id"]}/dismiss", new { reason = "self" });
    }

    [Fact]
    public async Task Tips_BundleWithNoValidObject_Gets400NamingEachObjectsPath()
    {
        using var olga = _node.Client("olga");
        var bundle = """{"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [{"type": "threat-actor", "spec_version": "2.1"}]}""";

        var (problem, _) = await HttpCalls.ExpectAsync(HttpStatusCode.BadRequest, olga, HttpMethod.Post, "/api/tips", new { bundle });

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("bundle.objects[0]", StringComparison.Ordinal));
    }

    // Users are stored by id; the access layer's id embeds nothing, so resolve the name through the service.
    private string UserName(string userId)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(_node.Services).CreateScope();
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Riposte.Access.UserService>(scope.ServiceProvider);
        return users.Get(userId)?.Name ?? userId;
    }
}
