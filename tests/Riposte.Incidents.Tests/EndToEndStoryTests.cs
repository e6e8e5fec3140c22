using System.Net;
using System.Text.Json.Nodes;
using Riposte.Analytics.Posts;
using Riposte.Analytics.Storage;
using Riposte.Incidents.Tests.Support;
using Riposte.Storage;

namespace Riposte.Incidents.Tests;

/// <summary>
/// The analyst's day, from a platform export to a lesson found by search: `riposte ingest` and `riposte detect`
/// over a generated export with planted campaigns, then over real HTTP: incident from the cluster → tag a
/// technique with a post as evidence (its SHA-256 from the evidence store) → attribute → confirm → assess with
/// confidence → review → share to a collection → a partner reads it via TAXII → a coordinated response of two
/// members → a lesson learned → found by search.
/// </summary>
public sealed class EndToEndStoryTests : IAsyncLifetime
{
    private const string MemberA = "identity--00000000-0000-4000-8000-0000000000a1";
    private const string MemberB = "identity--00000000-0000-4000-8000-0000000000b2";
    private readonly NodeHost _node = new();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "riposte-story-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync() => await _node.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    [Fact]
    public async Task Story_FromExportFileToLesson_WorksThroughTheCliTheApiAndTaxii()
    {
        // Arrange: an export arrives; the analyst ingests it and runs detection, importing the findings.
        var (postsFile, campaigns) = AnalystShell.GenerateExport(Path.Combine(_work, "export"), seed: 7);
        await AnalystShell.RunAsync(_node.Db, "ingest", postsFile);
        await AnalystShell.RunAsync(_node.Db, "detect", "--out", Path.Combine(_work, "findings"), "--import");
        var (grouping, accounts, campaign) = BestFinding(campaigns);
        Assert.True(accounts.Count(campaign.Accounts.Contains) * 2 >= accounts.Count, $"the finding {grouping} is mostly campaign {campaign.Id}'s accounts");
        var evidencePost = new SqlitePostStore(_node.Db).Read(PostFilter.All).First(p => accounts.Contains(p.AuthorId));
        var evidenceSha = new SqlitePostStore(_node.Db).FindEvidence(evidencePost.Platform, evidencePost.Id)!.Sha256Hex;
        var actor = Fixtures.ThreatActor(_node.Store, "Storm-1516");
        Fixtures.Identity(_node.Store, MemberA, "Member A");
        Fixtures.Identity(_node.Store, MemberB, "Member B");
        var collection = _node.CreateCollection("FIMI partners");
        using var alice = _node.Client("alice");
        using var bob = _node.Client("bob");
        using var pat = _node.Client("pat");

        // Act + Assert, step by step, over HTTP.
        var (incident, _) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents/from-finding",
            new { groupingId = grouping, category = "election-interference", tlp = "green" });
        var id = incident["id"]!.GetValue<string>();
        Assert.Equal(accounts.Count, incident["accountRefs"]!.AsArray().Count);
        Assert.Contains(incident["evidence"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "cluster" && e["ref"]!.GetValue<string>() == grouping);

        var tagged = incident["techniques"]!.AsArray().Select(t => t!["disarmId"]?.GetValue<string>()).ToHashSet();
        var technique = new[] { "T0049.003", "T0049", "T0085" }.First(t => !tagged.Contains(t) && _node.Store.Query(new StixQuery { ExternalId = t, Limit = 1 }).Any());
        var postRef = $"{evidencePost.Platform}:{evidencePost.Id}";
        (incident, var taggedTag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/incidents/{id}/techniques",
            new { technique, description = "the accounts post the same campaign links", evidence = new[] { new { kind = "post", @ref = postRef, sha256 = evidenceSha } } });
        Assert.Equal(ApiETag(incident), taggedTag);
        var use = incident["techniques"]!.AsArray().Single(t => t!["disarmId"]!.GetValue<string>() == technique)!;
        Assert.Equal(evidenceSha, use["evidence"]![0]!["sha256"]!.GetValue<string>());

        // The answer's ETag is the new version, so the next conditional edit needs no extra GET.
        (incident, var etag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/incidents/{id}/actors",
            new { actorRef = actor.Id, confidence = 70, basis = "infrastructure overlap with earlier operations" });
        Assert.StartsWith("Likely/Probable", incident["actors"]![0]!["estimative"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ApiETag(incident), etag);
        (_, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/incidents/{id}/status", new { status = "under-assessment" }, etag);
        (_, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Put, $"/api/incidents/{id}/criteria/coordinated", new { met = true, rationale = "same links within seconds" }, etag);
        await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Post, $"/api/incidents/{id}/status", new { status = "confirmed" }, etag);

        var (report, reportTag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/assessments", new
        {
            name = "Coordinated link campaign ahead of the vote",
            objectRefs = new[] { id, actor.Id },
            confidence = 70,
            tlp = "green",
            keyJudgements = new[] { new { text = "A foreign actor likely runs the network", confidence = 70 } },
        });
        var reportId = report["id"]!.GetValue<string>();
        Assert.Equal(70, report["confidence"]!.GetValue<int>());
        (_, reportTag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Post, $"/api/assessments/{reportId}/review", new { approve = true }, reportTag);
        var (share, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Post, $"/api/assessments/{reportId}/share", new { collectionId = collection }, reportTag);
        var shared = share["shared"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains(reportId, shared);
        Assert.Contains(id, shared);
        Assert.Equal("shared", (await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, $"/api/incidents/{id}")).Body["status"]!.GetValue<string>());

        var partnerSees = await TaxiiObjectsAsync(pat, collection);
        Assert.Contains(reportId, partnerSees.Keys);
        var sharedIncident = partnerSees[id];
        var sharedDetails = sharedIncident["extensions"]![Model.RiposteExtensions.IncidentId]!;
        Assert.Equal("shared", sharedDetails["status"]!.GetValue<string>());
        // The cluster and its accounts stay the node's (unmarked: TLP:AMBER): the partner learns none of their ids.
        Assert.DoesNotContain(grouping, sharedIncident.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(sharedDetails["account_refs"]);
        Assert.Contains(partnerSees.Values, o => o["type"]!.GetValue<string>() == "relationship" && o["relationship_type"]!.GetValue<string>() == "uses" && o["source_ref"]!.GetValue<string>() == id);

        var (response, responseTag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/responses", new
        {
            name = "Joint statement exposing the link network",
            kind = "joint-statement",
            incidentRefs = new[] { id },
            ownerRef = MemberA,
            participantRefs = new[] { MemberA },
            status = "in-progress",
        });
        var responseId = response["id"]!.GetValue<string>();
        (response, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Post, $"/api/responses/{responseId}/participants", new { participantRef = MemberB }, responseTag);
        Assert.Equal([MemberA, MemberB], response["participant_refs"]!.AsArray().Select(p => p!.GetValue<string>()).Order());

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

    /// <summary>The detection grouping whose accounts best match one planted campaign, with its account ids.</summary>
    private (string Grouping, IReadOnlyList<string> Accounts, PlantedCampaign Campaign) BestFinding(IReadOnlyList<PlantedCampaign> campaigns)
    {
        var best = (Grouping: "", Accounts: (IReadOnlyList<string>)[], Campaign: campaigns[0], Overlap: -1);
        foreach (var stored in _node.Store.Query(new StixQuery { Types = ["grouping"], Label = "candidate-finding" }))
        {
            var accounts = stored.Object.GetStrings("object_refs")
                .Where(r => r.StartsWith("user-account--", StringComparison.Ordinal))
                .Select(r => _node.Store.GetLatest(r)!.Object.GetString("user_id")!)
                .ToList();
            foreach (var campaign in campaigns)
            {
                var overlap = accounts.Count(campaign.Accounts.Contains);
                if (overlap > best.Overlap)
                    best = (stored.Object.Id, accounts, campaign, overlap);
            }
        }
        Assert.True(best.Overlap > 0, "detection found none of the planted campaigns");
        return (best.Grouping, best.Accounts, best.Campaign);
    }

    private static async Task<Dictionary<string, JsonNode>> TaxiiObjectsAsync(HttpClient client, string collection)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/taxii2/riposte/collections/{collection}/objects/");
        request.Headers.TryAddWithoutValidation("Accept", "application/taxii+json;version=2.1");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return envelope["objects"]!.AsArray().ToDictionary(o => o!["id"]!.GetValue<string>(), o => o!);
    }

    private static string ApiETag(JsonNode view) => "\"" + view["version"]!.GetValue<string>() + "\"";
}
