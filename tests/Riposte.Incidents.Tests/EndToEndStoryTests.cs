using System.Net;
using System.Text.Json.Nodes;
using Riposte.Incidents.Tests.Support;
using Riposte.Storage;

namespace Riposte.Incidents.Tests;

/// <summary>
/// The analyst's day over real HTTP: detect → incident from the cluster → tag techniques → attribute →
/// confirm → assess with confidence → review → share to a collection → a partner reads it via TAXII →
/// a coordinated response of two members → a lesson learned → found by search.
/// </summary>
public sealed class EndToEndStoryTests : IAsyncLifetime
{
    private const string MemberA = "identity--00000000-0000-4000-8000-0000000000a1";
    private const string MemberB = "identity--00000000-0000-4000-8000-0000000000b2";
    private readonly NodeHost _node = new();

    public async ValueTask InitializeAsync() => await _node.StartAsync();

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Story_FromDetectionToLesson_WorksThroughTheApiAndTaxii()
    {
        // Arrange: detection ran over the posts and wrote its finding into the store.
        var detected = DetectionRun.DetectInto(_node.Store);
        var grouping = detected.First(o => o.Type == "grouping" && o.Labels.Contains("candidate-finding"));
        var actor = Fixtures.ThreatActor(_node.Store, "Storm-1516");
        Fixtures.Identity(_node.Store, MemberA, "Member A");
        Fixtures.Identity(_node.Store, MemberB, "Member B");
        var collection = _node.CreateCollection("FIMI partners");
        using var alice = _node.Client("alice");
        using var bob = _node.Client("bob");
        using var pat = _node.Client("pat");

        // Act + Assert, step by step.
        var (incident, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents/from-finding",
            new { groupingId = grouping.Id, category = "election-interference", tlp = "green" });
        var id = incident["id"]!.GetValue<string>();
        Assert.NotEmpty(incident["accountRefs"]!.AsArray());
        Assert.Contains(incident["evidence"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "cluster");

        var tagged = incident["techniques"]!.AsArray().Select(t => t!["disarmId"]?.GetValue<string>()).ToHashSet();
        var technique = new[] { "T0049.003", "T0049", "T0085" }.First(t => !tagged.Contains(t) && _node.Store.Query(new StixQuery { ExternalId = t, Limit = 1 }).Any());
        (incident, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/incidents/{id}/techniques",
            new { technique, description = "eight accounts post the same fake links", evidence = new[] { new { kind = "post", @ref = "telegram:1", sha256 = new string('0', 64) } } });
        Assert.Contains(incident["techniques"]!.AsArray(), t => t!["disarmId"]!.GetValue<string>() == technique);

        (incident, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/incidents/{id}/actors",
            new { actorRef = actor.Id, confidence = 70, basis = "infrastructure overlap with earlier operations" });
        Assert.StartsWith("Likely/Probable", incident["actors"]![0]!["estimative"]!.GetValue<string>(), StringComparison.Ordinal);
        etag = (await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, $"/api/incidents/{id}")).ETag;
        (_, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/incidents/{id}/status", new { status = "under-assessment" }, etag);
        (_, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Put, $"/api/incidents/{id}/criteria/coordinated", new { met = true, rationale = "same links within minutes" }, etag);
        (_, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Post, $"/api/incidents/{id}/status", new { status = "confirmed" }, etag);

        var (report, reportTag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/assessments", new
        {
            name = "Fake ministry statements ahead of the vote",
            objectRefs = new[] { id, actor.Id },
            confidence = 70,
            tlp = "green",
            keyJudgements = new[] { new { text = "A foreign actor likely runs the network", confidence = 70 } },
        });
        var reportId = report["id"]!.GetValue<string>();
        (_, reportTag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Post, $"/api/assessments/{reportId}/review", new { approve = true }, reportTag);
        var (share, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/assessments/{reportId}/share", new { collectionId = collection }, reportTag);
        var shared = share["shared"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains(reportId, shared);
        Assert.Contains(id, shared);
        Assert.Equal("shared", (await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, $"/api/incidents/{id}")).Body["status"]!.GetValue<string>());

        using var taxii = new HttpRequestMessage(HttpMethod.Get, $"/taxii2/riposte/collections/{collection}/objects/");
        taxii.Headers.TryAddWithoutValidation("Accept", "application/taxii+json;version=2.1");
        using var taxiiResponse = await pat.SendAsync(taxii, TestContext.Current.CancellationToken);
        var envelope = JsonNode.Parse(await taxiiResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(HttpStatusCode.OK, taxiiResponse.StatusCode);
        var partnerSees = envelope["objects"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(reportId, partnerSees);
        Assert.Contains(id, partnerSees);

        var (response, responseTag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/responses", new
        {
            name = "Joint statement exposing the fake ministry network",
            kind = "joint-statement",
            incidentRefs = new[] { id },
            ownerRef = MemberA,
            participantRefs = new[] { MemberA },
            status = "in-progress",
        });
        var responseId = response["id"]!.GetValue<string>();
        (response, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Post, $"/api/responses/{responseId}/participants", new { participantRef = MemberB }, responseTag);
        Assert.Equal(2, response["participant_refs"]!.AsArray().Count);

        await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/lessons", new
        {
            kind = "lesson-learned",
            title = "Coordinate statements within two days",
            content = "A joint statement within 48 hours outpaced the network's amplification.",
            objectRefs = new[] { responseId, id },
        });
        var (found, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Get, "/api/lessons?q=amplification");
        Assert.Equal("Coordinate statements within two days", Assert.Single(found.AsArray())!["abstract"]!.GetValue<string>());
    }
}
