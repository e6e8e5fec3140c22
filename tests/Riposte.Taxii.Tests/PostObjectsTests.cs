using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class SqlitePostObjectsTests(TaxiiHost host) : PostObjectsTests(host);

public sealed class PostgresPostObjectsTests(PostgresTaxiiHost host) : PostObjectsTests(host.Started());

public abstract class PostObjectsTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostObjects_ValidEnvelope_202CompleteStatusAndStored()
    {
        using var client = host.Client("alice");
        var a = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
        var b = StixFactory.Campaign(createdBy: TaxiiHost.OrgA);

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(a, b)), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await TaxiiHttp.JsonOf(response);
        Assert.Equal("complete", (string?)status["status"]);
        Assert.Equal(2, (int)status["total_count"]!);
        Assert.Equal(2, (int)status["success_count"]!);
        Assert.Equal(0, (int)status["failure_count"]!);
        Assert.Equal(0, (int)status["pending_count"]!);
        Assert.Equal([(string)a["id"]!, (string)b["id"]!], ((JsonArray)status["successes"]!).Select(s => (string)s!["id"]!).ToList());
        Assert.Equal("2026-01-01T00:00:00.000Z", (string?)status["successes"]![0]!["version"]);
        Assert.NotNull(host.Store.GetLatest((string)a["id"]!));
    }

    [Fact]
    public async Task PostObjects_InvalidAmongValid_FailuresCarryJsonPathValidStored()
    {
        using var client = host.Client("alice");
        var good = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
        var noType = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
        noType.Remove("type");
        var envelope = new JsonObject { ["objects"] = new JsonArray(good, noType, JsonValue.Create(42)) };

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(envelope), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await TaxiiHttp.JsonOf(response);
        Assert.Equal(3, (int)status["total_count"]!);
        Assert.Equal(1, (int)status["success_count"]!);
        Assert.Equal(2, (int)status["failure_count"]!);
        var failures = (JsonArray)status["failures"]!;
        Assert.Equal((string)noType["id"]!, (string?)failures[0]!["id"]);
        Assert.Contains("$.objects[1].type", (string?)failures[0]!["message"], StringComparison.Ordinal);
        Assert.Contains("$.objects[2]", (string?)failures[1]!["message"], StringComparison.Ordinal);
        Assert.NotNull(host.Store.GetLatest((string)good["id"]!));
        Assert.Null(host.Store.GetLatest((string)noType["id"]!));
    }

    [Fact]
    public async Task PostObjects_ObjectWithAPropertyNameTwice_FailureNotServerError()
    {
        using var client = host.Client("alice");
        var good = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
        var twice = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA).ToJsonString().Replace("\"type\":", "\"name\":\"again\",\"type\":", StringComparison.Ordinal);
        var body = "{\"objects\":[" + good.ToJsonString() + "," + twice + "]}";

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Body(body), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await TaxiiHttp.JsonOf(response);
        Assert.Equal((1, 1), ((int)status["success_count"]!, (int)status["failure_count"]!));
        Assert.Contains("$.objects[1]: not a readable JSON object", (string?)status["failures"]![0]!["message"], StringComparison.Ordinal);
        Assert.NotNull(host.Store.GetLatest((string)good["id"]!));
    }

    [Fact]
    public async Task PostObjects_EnvelopeOfManyChunks_StatusInInputOrderWithEveryFailure()
    {
        // More objects than one store chunk, so validation and writing overlap; invalid ones and a
        // conflicting re-post of an earlier object are spread over several chunks.
        using var client = host.Client("alice");
        var stored = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
        await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(stored)), Ct);
        var conflicting = stored.DeepClone().AsObject();
        conflicting["name"] = "another name under the same version";
        var objects = new List<JsonNode>();
        for (var i = 0; i < 600; i++)
        {
            var obj = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
            if (i % 150 == 7)
                obj.Remove("created");
            objects.Add(i == 400 ? conflicting : obj);
        }

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope([.. objects])), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await TaxiiHttp.JsonOf(response);
        var expectedSuccesses = objects.Where((o, i) => i % 150 != 7 && i != 400).Select(o => (string)o["id"]!).ToList();
        Assert.Equal(600, (int)status["total_count"]!);
        Assert.Equal(expectedSuccesses, ((JsonArray)status["successes"]!).Select(s => (string)s!["id"]!).ToList());
        var failures = ((JsonArray)status["failures"]!).Select(f => (string)f!["message"]!).ToList();
        Assert.Equal(5, failures.Count);
        Assert.Equal(["$.objects[7]", "$.objects[157]", "$.objects[307]", "$.objects[457]"], failures.Take(4).Select(m => m[..m.IndexOf('.', 2)]));
        Assert.Contains("already stored", failures[4], StringComparison.Ordinal);
        Assert.All(expectedSuccesses, id => Assert.NotNull(host.Store.GetLatest(id)));
        Assert.Equal((string)stored["name"]!, host.Store.GetLatest((string)stored["id"]!)!.Object.Name);
    }

    [Fact]
    public async Task PostObjects_SameVersionTwice_SuccessUnchangedThenConflictIsFailure()
    {
        using var client = host.Client("alice");
        var original = StixFactory.AttackPattern(createdBy: TaxiiHost.OrgA);
        var changed = original.DeepClone().AsObject();
        changed["name"] = "a different name under the same version";
        await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(original)), Ct);

        using var again = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(original.DeepClone())), Ct);
        using var conflict = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(changed)), Ct);

        var againStatus = await TaxiiHttp.JsonOf(again);
        Assert.Equal(1, (int)againStatus["success_count"]!);
        var conflictStatus = await TaxiiHttp.JsonOf(conflict);
        Assert.Equal(1, (int)conflictStatus["failure_count"]!);
        Assert.Contains("already stored", (string?)conflictStatus["failures"]![0]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/stix+json;version=2.1")]
    [InlineData("application/taxii+json;version=2.0")]
    [InlineData("text/plain")]
    public async Task PostObjects_WrongContentType_415(string contentType)
    {
        using var client = host.Client("alice");

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Body("{\"objects\":[]}", contentType), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("415", (string?)(await TaxiiHttp.JsonOf(response))["http_status"]);
    }

    [Fact]
    public async Task PostObjects_BodyOverMaxContentLength_413()
    {
        using var client = host.Client("alice");
        var big = new string('x', (int)TaxiiHost.MaxContentLength);
        var envelope = StixFactory.Envelope(StixFactory.AttackPattern(name: big));

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(envelope), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("413", (string?)(await TaxiiHttp.JsonOf(response))["http_status"]);
    }

    [Fact]
    public async Task PostObjects_ChunkedBodyOverMaxContentLength_413()
    {
        using var client = host.Client("alice");
        var bytes = Encoding.UTF8.GetBytes(StixFactory.Envelope(StixFactory.AttackPattern(name: new string('y', (int)TaxiiHost.MaxContentLength))).ToJsonString());
        var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(TaxiiHttp.TaxiiV21);
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Objects(TaxiiHost.Shared)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"objects\": [", "line 1")]
    [InlineData("[]", "TAXII envelope")]
    [InlineData("{\"objects\": {}}", "$.objects")]
    [InlineData("{\n  \"objects\": [\n    {\"type\": \"attack-pattern\",, }\n  ]\n}", "line 3")]
    public async Task PostObjects_MalformedEnvelope_400SaysWhere(string body, string expected)
    {
        using var client = host.Client("alice");

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Body(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string?)(await TaxiiHttp.JsonOf(response))["description"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amy", TaxiiHost.Shared)] // the reader role never writes
    [InlineData("pat", TaxiiHost.Shared)] // the partner's organisation may only read Shared
    [InlineData("bob", TaxiiHost.ReadOnly)] // members only read ReadOnly
    public async Task PostObjects_VisibleCollectionWithoutWriteGrant_403(string user, string collection)
    {
        using var client = host.Client(user);
        var envelope = StixFactory.Envelope(StixFactory.AttackPattern());

        using var response = await client.PostAsync(host.Objects(collection), TaxiiHttp.Envelope(envelope), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("403", (string?)(await TaxiiHttp.JsonOf(response))["http_status"]);
    }

    [Fact]
    public async Task PostObjects_EmptyEnvelope_202ZeroCounts()
    {
        using var client = host.Client("alice");

        using var response = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Body("{}"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, (int)(await TaxiiHttp.JsonOf(response))["total_count"]!);
    }

    [Fact]
    public async Task GetStatus_Poster_SameCountsAndDetails()
    {
        using var client = host.Client("alice");
        var bad = StixFactory.AttackPattern();
        bad.Remove("id");
        using var post = await client.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(StixFactory.AttackPattern(), bad)), Ct);
        var posted = await TaxiiHttp.JsonOf(post);

        var status = await client.GetJson($"{host.ApiRoot}status/{(string)posted["id"]!}/");

        Assert.Equal(posted.ToJsonString(), status.ToJsonString());
        Assert.Equal(1, (int)status["success_count"]!);
        Assert.Equal(1, (int)status["failure_count"]!);
        Assert.Contains("$.objects[1].id", (string?)status["failures"]![0]!["message"], StringComparison.Ordinal);
        Assert.NotNull((string?)status["request_timestamp"]);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("nadia")]
    public async Task GetStatus_AnotherUser_404(string other)
    {
        using var alice = host.Client("alice");
        using var post = await alice.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(StixFactory.AttackPattern())), Ct);
        var id = (string)(await TaxiiHttp.JsonOf(post))["id"]!;
        using var client = host.Client(other);

        using var response = await client.GetAsync($"{host.ApiRoot}status/{id}/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetStatus_Unknown_404()
    {
        using var client = host.Client("alice");

        using var response = await client.GetAsync($"{host.ApiRoot}status/{Guid.NewGuid()}/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Forces HttpClient to send without Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
