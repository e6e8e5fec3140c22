using System.Net;
using Riposte.Incidents.Services;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests;

/// <summary>Response forms and the board's moves, attributions, and clearing dates, against a real host.</summary>
public sealed class ResponseFormTests(UiNodeFixture fixture) : IClassFixture<UiNodeFixture>
{
    private UiNode Node => fixture.Node;

    [Fact]
    public async Task CreateResponse_FromTheIncident_IsLinkedAndOnTheBoard()
    {
        var incident = UiSeed.Incident(Node, "Answered incident");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/responses/new", "response", new()
        {
            ["Form.Name"] = "Ministry rebuttal", ["Form.Kind"] = "public-exposure", ["Form.Status"] = "planned", ["Form.OwnerRef"] = Node.NodeOrg,
            ["Form.Tlp"] = "amber", ["Form.StartTime"] = "2026-10-03T09:00", ["Form.Counters"] = "C00012", ["Form.IncidentRefs"] = incident.Id,
        });
        var page = WebUtility.HtmlDecode(await analyst.GetPageAsync($"incidents/{incident.Id}"));
        var board = WebUtility.HtmlDecode(await analyst.GetPageAsync("responses"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Ministry rebuttal", page, StringComparison.Ordinal);
        Assert.Contains("Ministry rebuttal", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateResponse_NoNameKindOrOwnerAndBadTime_ShowsEachAtItsField()
    {
        var incident = UiSeed.Incident(Node, "Response errors");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/responses/new", "response", new()
        {
            ["Form.Name"] = "", ["Form.Kind"] = "", ["Form.OwnerRef"] = "", ["Form.StartTime"] = "3 October", ["Form.IncidentRefs"] = incident.Id,
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"i-startTime-error\"", body, StringComparison.Ordinal);
        Assert.Contains("'3 October' is not a date and time", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateResponse_NoNameKindOrOwner_ServiceMessagesAtTheFields()
    {
        var incident = UiSeed.Incident(Node, "Response service errors");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/responses/new", "response", new()
        {
            ["Form.Name"] = "", ["Form.Kind"] = "", ["Form.OwnerRef"] = "", ["Form.IncidentRefs"] = incident.Id,
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"i-name-error\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"i-kind-error\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"i-ownerRef-error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditResponse_StopTimeEmptied_ClearsItAndKeepsStartTime()
    {
        var incident = UiSeed.Incident(Node, "Response dates");
        var created = UiSeed.Response(Node, incident.Id, "Dated response", stopTime: "2026-10-05T08:00:00Z");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");
        var form = await analyst.GetPageAsync($"responses/{created.Id}/edit");

        var response = await analyst.PostFormAsync($"responses/{created.Id}/edit", "response", new()
        {
            ["Form.Version"] = created.Version!.Value.Text, ["Form.Name"] = "Dated response", ["Form.Kind"] = "joint-statement", ["Form.Status"] = "in-progress",
            ["Form.OwnerRef"] = Node.NodeOrg, ["Form.IncidentRefs"] = incident.Id, ["Form.StartTime"] = "2026-10-01T08:00", ["Form.StopTime"] = "", ["Form.Tlp"] = "amber",
        });
        var latest = UiSeed.Latest(Node, created.Id);

        Assert.Contains("value=\"2026-10-05T08:00\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(latest.GetString("stop_time"));
        Assert.Equal("2026-10-01T08:00:00Z", latest.GetString("start_time"));
        Assert.Equal("in-progress", latest.GetString("status"));
    }

    [Fact]
    public async Task EditResponse_PartnerOnGreen_SeesTheFormButSavingIs403AndChangesNothing()
    {
        var created = UiSeed.Response(Node, Node.GreenIncidentId, "Green joint statement", tlp: "green");
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.PostFormAsync($"responses/{created.Id}/edit", "response", new()
        {
            ["Form.Version"] = created.Version!.Value.Text, ["Form.Name"] = "Renamed by a partner", ["Form.Kind"] = "joint-statement", ["Form.OwnerRef"] = Node.NodeOrg,
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Green joint statement", UiSeed.Latest(Node, created.Id).Name);
    }

    [Fact]
    public async Task EditResponse_PartnerOnAmber_Gets404WithoutTheName()
    {
        var created = UiSeed.Response(Node, Node.AmberIncidentId, "Amber demarche plan");
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync($"responses/{created.Id}/edit");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Amber demarche plan", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_AnalystMovesACard_StatusChangesAsANewVersion()
    {
        var created = UiSeed.Response(Node, Node.GreenIncidentId, "Card to move");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync("responses", $"move-{created.Id}", new() { ["Card.Version"] = created.Version!.Value.Text, ["Card.Status"] = "completed" });
        var latest = UiSeed.Latest(Node, created.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("completed", latest.GetString("status"));
        Assert.Equal("Card to move", latest.Name);
    }

    [Fact]
    public async Task Board_StaleCard_Is409AndKeepsTheOtherMove()
    {
        var created = UiSeed.Response(Node, Node.GreenIncidentId, "Card moved twice");
        UiSeed.As<ResponseService>(Node, (s, p) => s.Update(p, created.Id, created.Version!.Value.Text, new ResponseInput { Status = "in-progress" }));
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync("responses", $"move-{created.Id}", new() { ["Card.Version"] = created.Version!.Value.Text, ["Card.Status"] = "cancelled" });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has changed", body, StringComparison.Ordinal);
        Assert.Equal("in-progress", UiSeed.Latest(Node, created.Id).GetString("status"));
    }

    [Fact]
    public async Task Board_UnknownStatus_Is422AndNothingMoves()
    {
        var created = UiSeed.Response(Node, Node.GreenIncidentId, "Card with a bad move");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync("responses", $"move-{created.Id}", new() { ["Card.Version"] = created.Version!.Value.Text, ["Card.Status"] = "abandoned" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("planned", UiSeed.Latest(Node, created.Id).GetString("status"));
    }

    [Fact]
    public async Task Board_MoveWithoutVersion_Is400AndNothingMoves()
    {
        var created = UiSeed.Response(Node, Node.GreenIncidentId, "Card posted by hand");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync("responses", $"move-{created.Id}", new() { ["Card.Status"] = "completed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("planned", UiSeed.Latest(Node, created.Id).GetString("status"));
    }

    [Fact]
    public async Task Board_PartnerPostsAMove_IsRefusedAndNothingMoves()
    {
        var created = UiSeed.Response(Node, Node.GreenIncidentId, "Green card a partner sees", tlp: "green");
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var board = await partner.GetPageAsync("responses");
        var response = await partner.PostFormAsync("responses", $"move-{created.Id}", new() { ["Card.Version"] = created.Version!.Value.Text, ["Card.Status"] = "completed" });

        Assert.Contains("Green card a partner sees", board, StringComparison.Ordinal);
        Assert.DoesNotContain($"move-{created.Id}", board, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("planned", UiSeed.Latest(Node, created.Id).GetString("status"));
    }

    [Fact]
    public async Task AttributeActor_NewActor_IsRecordedAndShownInEstimativeLanguage()
    {
        var incident = UiSeed.Incident(Node, "Attributed incident");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/actors/new", "actor", new()
        {
            ["Form.Name"] = "Doppelganger network", ["Form.Types"] = "nation-state", ["Form.Aliases"] = "RRN", ["Form.Tlp"] = "amber",
            ["Form.Confidence"] = "70", ["Form.Basis"] = "Same infrastructure as the 2024 campaign",
        });
        var page = WebUtility.HtmlDecode(await analyst.GetPageAsync($"incidents/{incident.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Doppelganger network", page, StringComparison.Ordinal);
        Assert.Contains("Likely", page, StringComparison.Ordinal);
        Assert.Contains("actors/threat-actor--", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttributeActor_NoBasisNoConfidence_ErrorsAtTheFieldsAndNoActorIsStored()
    {
        var incident = UiSeed.Incident(Node, "Unattributed incident");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/actors/new", "actor", new()
        {
            ["Form.Name"] = "Actor without basis", ["Form.Confidence"] = "", ["Form.Basis"] = " ",
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"i-basis-error\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"i-confidence-error\"", body, StringComparison.Ordinal);
        Assert.False(UiSeed.Stored(Node, "threat-actor", "Actor without basis"));
    }

    [Fact]
    public async Task EditActor_AliasesEmptied_ClearsThem_PartnerGets404OnAmber()
    {
        var actor = UiSeed.As<ThreatActorService>(Node, (s, p) => s.Create(p, new ThreatActorInput { Name = "Amber actor", Aliases = ["Alias one"] }));
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await analyst.PostFormAsync($"actors/{actor.Id}/edit", "actor", new()
        {
            ["Form.Version"] = actor.Version!.Value.Text, ["Form.Name"] = "Amber actor", ["Form.Aliases"] = "", ["Form.Tlp"] = "amber",
        });
        var hidden = await partner.GetAsync($"actors/{actor.Id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(UiSeed.Latest(Node, actor.Id).GetStrings("aliases"));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("Amber actor", await hidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditIncident_FirstSeenEmptied_ClearsIt()
    {
        var incident = UiSeed.As<IncidentService>(Node, (s, p) => s.Create(p, new IncidentInput
        {
            Name = "Dated incident", Category = "fundamental-freedoms", FirstSeen = "2026-10-01T08:00:00Z", LastSeen = "2026-10-04T08:00:00Z",
        }));
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/edit", "incident", new()
        {
            ["Form.Version"] = incident.Version!.Value.Text, ["Form.Name"] = "Dated incident", ["Form.Category"] = "fundamental-freedoms", ["Form.Status"] = "draft",
            ["Form.Tlp"] = "amber", ["Form.FirstSeen"] = "", ["Form.LastSeen"] = "2026-10-04T08:00",
        });
        var details = IncidentService.DetailsOf(UiSeed.Latest(Node, incident.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(details.FirstSeen);
        Assert.Equal("2026-10-04T08:00:00Z", details.LastSeen);
    }
}
