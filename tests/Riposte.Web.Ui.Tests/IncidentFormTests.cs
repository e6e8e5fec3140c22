using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests;

/// <summary>The edit form against a real host: saving, errors from the service at their field, concurrent edits.</summary>
public sealed class IncidentFormTests(UiNodeFixture fixture) : IClassFixture<UiNodeFixture>
{
    private UiNode Node => fixture.Node;

    [Fact]
    public async Task Edit_ValidChangeAndNewStatus_SavesBothAndShowsThemOnTheDetailPage()
    {
        var (id, version) = CreateIncident("Edit me");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{id}/edit", "incident", Fields(version, "Edited by the form", status: "under-assessment"));
        var page = WebUtility.HtmlDecode(await analyst.GetPageAsync($"incidents/{id}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Edited by the form", page, StringComparison.Ordinal);
        Assert.Contains(">under-assessment<", page, StringComparison.Ordinal);
        Assert.Contains("status → under-assessment", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StatusTheWorkflowRefuses_SavesNothingAndSaysWhichMovesAreAllowed()
    {
        var (id, version) = CreateIncident("Draft cannot jump to shared");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync($"incidents/{id}/edit", "incident", Fields(version, "This edit must not be saved", status: "shared"));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var page = WebUtility.HtmlDecode(await analyst.GetPageAsync($"incidents/{id}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot move from draft to shared; allowed: under-assessment, closed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("This edit must not be saved", page, StringComparison.Ordinal);
        using var scope = Node.Services.CreateScope();
        Assert.Equal(version, scope.ServiceProvider.GetRequiredService<IncidentService>().Get(Principal.System, id).Version?.Text);
    }

    [Fact]
    public async Task Edit_LastSeenBeforeFirstSeen_ShowsTheServicesMessageAtLastSeen()
    {
        var (id, version) = CreateIncident("Dates wrong way round");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var fields = Fields(version, "Dates wrong way round");
        fields["Form.FirstSeen"] = "2026-10-05T10:00";
        fields["Form.LastSeen"] = "2026-10-01T10:00";
        var response = await analyst.PostFormAsync($"incidents/{id}/edit", "incident", fields);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"i-lastSeen-error\" role=\"alert\">must not be before firstSeen", body, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"i-lastSeen-error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StaleVersion_IsRefusedWithReloadAdviceAndKeepsTheOtherEdit()
    {
        var (id, version) = CreateIncident("Edited twice");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");
        var first = await analyst.PostFormAsync($"incidents/{id}/edit", "incident", Fields(version, "First edit wins"));

        var second = await analyst.PostFormAsync($"incidents/{id}/edit", "incident", Fields(version, "Second edit from the old version"));
        var body = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await analyst.GetPageAsync($"incidents/{id}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("reload and edit again", body, StringComparison.Ordinal);
        Assert.Contains("First edit wins", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_PartnerOpensTheEditFormOfAmber_Gets404()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync($"incidents/{Node.AmberIncidentId}/edit");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(UiNode.AmberName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_LessonAboutTheIncident_IsListedForTheAnalystOnly()
    {
        var (id, _) = CreateIncident("Lesson subject");
        using (var scope = Node.Services.CreateScope())
        {
            var analyst = UserService.PrincipalOf(scope.ServiceProvider.GetRequiredService<UserService>().GetByName("analyst")!);
            scope.ServiceProvider.GetRequiredService<LessonService>().Create(analyst, new LessonInput
            {
                Kind = "lesson-learned", Title = "Pre-bunk the memo earlier", Content = "Waiting two days let the memo spread.", ObjectRefs = [id], Tlp = "amber",
            });
        }
        using var analystClient = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var page = await analystClient.GetPageAsync($"incidents/{id}");
        var partnerPage = await partner.GetAsync($"incidents/{id}");

        Assert.Contains("Pre-bunk the memo earlier", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, partnerPage.StatusCode);
    }

    private (string Id, string Version) CreateIncident(string name)
    {
        using var scope = Node.Services.CreateScope();
        var analyst = UserService.PrincipalOf(scope.ServiceProvider.GetRequiredService<UserService>().GetByName("analyst")!);
        var created = scope.ServiceProvider.GetRequiredService<IncidentService>().Create(analyst, new IncidentInput { Name = name, Category = "fundamental-freedoms", Tlp = "amber" });
        return (created.Id, created.Version!.Value.Text);
    }

    private static Dictionary<string, string> Fields(string version, string description, string status = "draft") => new()
    {
        ["Form.Version"] = version, ["Form.Name"] = "Edited incident", ["Form.Category"] = "fundamental-freedoms",
        ["Form.Status"] = status, ["Form.Tlp"] = "amber", ["Form.Description"] = description,
    };
}
