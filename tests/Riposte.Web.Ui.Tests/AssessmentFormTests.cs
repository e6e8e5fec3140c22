using System.Net;
using Riposte.Incidents.Services;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests;

/// <summary>The assessment and lesson forms against a real host: linked to the incident, errors at the field, stale edits, who may not.</summary>
public sealed class AssessmentFormTests(UiNodeFixture fixture) : IClassFixture<UiNodeFixture>
{
    private UiNode Node => fixture.Node;

    [Fact]
    public async Task CreateAssessment_FromTheIncident_IsLinkedAndListedThere()
    {
        var incident = UiSeed.Incident(Node, "Assessed incident");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/assessments/new", "assessment", new()
        {
            ["Form.Name"] = "The memo is forged", ["Form.Confidence"] = "75", ["Form.Tlp"] = "amber",
            ["Form.KeyJudgements"] = "80 | The memo's letterhead is from 2019\n60 | The first posts came from one network", ["Form.ObjectRefs"] = incident.Id,
        });
        var page = WebUtility.HtmlDecode(await analyst.GetPageAsync($"incidents/{incident.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"incidents/{incident.Id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("The memo is forged", page, StringComparison.Ordinal);
        Assert.Contains("/edit?incident=" + incident.Id, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAssessment_BadJudgementAndConfidence_ShowsErrorsAtTheFieldsAndKeepsTheText()
    {
        var incident = UiSeed.Incident(Node, "Badly assessed");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/assessments/new", "assessment", new()
        {
            ["Form.Name"] = "Half-written assessment", ["Form.Confidence"] = "150", ["Form.KeyJudgements"] = "very likely forged", ["Form.ObjectRefs"] = incident.Id,
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"i-keyJudgements-error\"", body, StringComparison.Ordinal);
        Assert.Contains("line 1 'very likely forged' is not 'confidence | judgement'", body, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"i-keyJudgements-error\"", body, StringComparison.Ordinal);
        Assert.Contains("value=\"Half-written assessment\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAssessment_OutOfRangeConfidence_IsTheServicesMessageAtConfidence()
    {
        var incident = UiSeed.Incident(Node, "Confidence check");
        var report = UiSeed.As<AssessmentService>(Node, (s, p) => s.Create(p, new AssessmentInput { Name = "Draft", ObjectRefs = [incident.Id] }));
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"assessments/{report.Id}/edit", "assessment", new()
        {
            ["Form.Version"] = report.Version!.Value.Text, ["Form.Name"] = "Draft", ["Form.Confidence"] = "150", ["Form.ObjectRefs"] = incident.Id,
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"i-confidence-error\" role=\"alert\">must be 0-100", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAssessment_StaleVersion_SaysSoKeepsWhatWasTypedAndOffersTheLatestVersion()
    {
        var incident = UiSeed.Incident(Node, "Edited by two");
        var report = UiSeed.As<AssessmentService>(Node, (s, p) => s.Create(p, new AssessmentInput { Name = "Original", ObjectRefs = [incident.Id] }));
        var first = UiSeed.As<AssessmentService>(Node, (s, p) => s.Update(p, report.Id, report.Version!.Value.Text, new AssessmentInput { Name = "Someone else's title" }));
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"assessments/{report.Id}/edit", "assessment", new()
        {
            ["Form.Version"] = report.Version!.Value.Text, ["Form.Name"] = "My careful rewrite", ["Form.Description"] = "Three paragraphs of analysis", ["Form.ObjectRefs"] = incident.Id,
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has changed", body, StringComparison.Ordinal);
        Assert.Contains("value=\"My careful rewrite\"", body, StringComparison.Ordinal);
        Assert.Contains("Three paragraphs of analysis", body, StringComparison.Ordinal);
        Assert.Contains($"name=\"Form.Version\" value=\"{first.Version!.Value.Text}\"", body, StringComparison.Ordinal);
        Assert.Equal("Someone else's title", UiSeed.Latest(Node, report.Id).Name);
    }

    [Fact]
    public async Task Assessment_PartnerOnAmber_Gets404ForEditAndCreateAndNothingIsStored()
    {
        var report = UiSeed.As<AssessmentService>(Node, (s, p) => s.Create(p, new AssessmentInput { Name = "Amber assessment of the memo", ObjectRefs = [Node.AmberIncidentId] }));
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var edit = await partner.GetAsync($"assessments/{report.Id}/edit");
        var editBody = await edit.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var create = await partner.GetAsync($"incidents/{Node.AmberIncidentId}/assessments/new");
        var posted = await partner.PostFormAsync($"incidents/{Node.AmberIncidentId}/assessments/new", "assessment", new() { ["Form.Name"] = "Partner assessment", ["Form.ObjectRefs"] = Node.AmberIncidentId });

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.DoesNotContain("Amber assessment of the memo", editBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Contains(posted.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
        Assert.False(UiSeed.Stored(Node, "report", "Partner assessment"));
    }

    [Fact]
    public async Task CreateAssessment_PartnerOnGreenIncident_Gets403AndNothingIsStored()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var page = WebUtility.HtmlDecode(await partner.GetPageAsync($"incidents/{Node.GreenIncidentId}/assessments/new"));
        var response = await partner.PostFormAsync($"incidents/{Node.GreenIncidentId}/assessments/new", "assessment", new()
        {
            ["Form.Name"] = "Partner-made assessment", ["Form.ObjectRefs"] = Node.GreenIncidentId, ["Form.Tlp"] = "green",
        });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Only analysts and admins of this node's organisation", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("may not draft assessments", body, StringComparison.Ordinal);
        Assert.False(UiSeed.Stored(Node, "report", "Partner-made assessment"));
    }

    [Fact]
    public async Task CreateLesson_FromTheIncident_IsListedWithItsBannerAndEditLink()
    {
        var incident = UiSeed.Incident(Node, "Lesson incident");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/lessons/new", "lesson", new()
        {
            ["Form.Title"] = "Answer within a day", ["Form.Kind"] = "lesson-learned", ["Form.Content"] = "Two days of silence let the memo spread.",
            ["Form.ObjectRefs"] = incident.Id, ["Form.Tlp"] = "green",
        });
        var page = WebUtility.HtmlDecode(await analyst.GetPageAsync($"incidents/{incident.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Answer within a day", page, StringComparison.Ordinal);
        Assert.Contains("tlp tlp-green", page, StringComparison.Ordinal);
        Assert.Contains("lessons/note--", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLesson_NoContentNoKind_ShowsBothAtTheirFields()
    {
        var incident = UiSeed.Incident(Node, "Lesson without content");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{incident.Id}/lessons/new", "lesson", new()
        {
            ["Form.Title"] = "Empty lesson", ["Form.Kind"] = "", ["Form.Content"] = "", ["Form.ObjectRefs"] = incident.Id,
        });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"i-content-error\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"i-kind-error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditLesson_PartnerOnAmber_Gets404WithoutTheTitle()
    {
        var lesson = UiSeed.As<LessonService>(Node, (s, p) => s.Create(p, new LessonInput
        {
            Kind = "best-practice", Title = "Hidden practice title", Content = "c", ObjectRefs = [Node.AmberIncidentId], Tlp = "amber",
        }));
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync($"lessons/{lesson.Id}/edit");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Hidden practice title", body, StringComparison.Ordinal);
    }
}
