using System.Net;
using PuppeteerSharp;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests;

/// <summary>The analyst's path in a real browser (chromium), and a partner who must not see AMBER anywhere.</summary>
public sealed class BrowserTests(UiNodeFixture fixture) : IClassFixture<UiNodeFixture>
{
    private const string NewIncident = "Browser-made dam sabotage claim";
    private const string CreatedTechnique = "T0049.003";
    private const string TaggedTechnique = "T0087";
    private UiNode Node => fixture.Node;

    [Fact]
    public async Task AnalystPath_LoginCreateTagFind_PartnerSeesNoneOfIt()
    {
        Assert.SkipWhen(Chromium.Executable is null, "chromium is not installed (.ci/run installs it; or set RIPOSTE_CHROMIUM)");
        await using var browser = await Chromium.LaunchAsync();
        var analyst = await browser.NewSessionAsync();

        await SignInAsync(analyst, "analyst");
        await Chromium.ScreenshotAsync(analyst, "dashboard");

        // Create an AMBER incident with a technique, through the form.
        await GoAsync(analyst, "incidents/new");
        await analyst.TypeAsync("#i-name", NewIncident);
        await analyst.SelectAsync("#i-category", "election-interference");
        await analyst.SelectAsync("#i-tlp", "amber");
        await analyst.TypeAsync("#i-platforms", "telegram, x");
        await analyst.TypeAsync("#i-technique", CreatedTechnique);
        await Chromium.ScreenshotAsync(analyst, "incident-new");
        await SubmitAsync(analyst, "form[class='form'] button[type=submit]");
        Assert.Contains("/incidents/incident--", analyst.Url, StringComparison.Ordinal);
        var incidentId = analyst.Url[(analyst.Url.LastIndexOf('/') + 1)..];
        Assert.Contains(NewIncident, await TextAsync(analyst, "h1"), StringComparison.Ordinal);
        Assert.Equal("TLP:AMBER", await TextAsync(analyst, "article > .tlp strong"));

        // Tag a second technique on the detail page.
        await analyst.TypeAsync("#tag-technique", TaggedTechnique);
        await analyst.TypeAsync("#tag-description", "memes with the forged memo");
        await SubmitAsync(analyst, "form[class='form inline'] button[type=submit]");
        var techniques = await TextAsync(analyst, "ul.techniques");
        Assert.Contains(CreatedTechnique, techniques, StringComparison.Ordinal);
        Assert.Contains(TaggedTechnique, techniques, StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(analyst, "incident-detail");

        // Find it in the list (full text and technique filter) and on the navigator.
        await GoAsync(analyst, "incidents?q=sabotage");
        Assert.Contains(NewIncident, await TextAsync(analyst, "main"), StringComparison.Ordinal);
        await GoAsync(analyst, $"incidents?technique={TaggedTechnique}");
        Assert.Contains(NewIncident, await TextAsync(analyst, "table.incidents"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(analyst, "incident-list");
        await GoAsync(analyst, $"navigator?technique={TaggedTechnique}");
        Assert.Equal("1", await analyst.EvaluateExpressionAsync<string>($"document.querySelector('[data-technique=\"{TaggedTechnique}\"]').dataset.count"));
        Assert.Contains("Ethics caution", await TextAsync(analyst, "#counters"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(analyst, "navigator");

        // The network picture draws (cytoscape bundled into the site).
        await GoAsync(analyst, $"detection/{Node.ClusterId}");
        await analyst.WaitForSelectorAsync("#cluster-network[data-ready='true'] canvas");
        await Chromium.ScreenshotAsync(analyst, "detection-cluster");
        await GoAsync(analyst, "responses");
        await Chromium.ScreenshotAsync(analyst, "responses");

        // A partner: not in the list, search, navigator counts, dashboard; the direct URL is a 404.
        var partner = await browser.NewSessionAsync();
        await SignInAsync(partner, "partner");
        Assert.DoesNotContain(NewIncident, await TextAsync(partner, "main"), StringComparison.Ordinal);
        await GoAsync(partner, "incidents");
        Assert.DoesNotContain(NewIncident, await TextAsync(partner, "main"), StringComparison.Ordinal);
        Assert.DoesNotContain(UiNode.AmberName, await TextAsync(partner, "main"), StringComparison.Ordinal);
        await GoAsync(partner, "incidents?q=sabotage");
        Assert.DoesNotContain(NewIncident, await TextAsync(partner, "main"), StringComparison.Ordinal);
        await GoAsync(partner, $"navigator?technique={TaggedTechnique}");
        Assert.Equal("0", await partner.EvaluateExpressionAsync<string>($"document.querySelector('[data-technique=\"{TaggedTechnique}\"]').dataset.count"));
        var direct = await partner.GoToAsync(new Uri(Node.BaseAddress, $"incidents/{incidentId}").ToString());
        Assert.Equal(HttpStatusCode.NotFound, direct!.Status);
        Assert.DoesNotContain(NewIncident, await TextAsync(partner, "body"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(partner, "partner-not-found");
    }

    [Fact]
    public async Task AnalystPath_AssessmentAndResponseOnTheBoard_PartnerSeesNeither()
    {
        Assert.SkipWhen(Chromium.Executable is null, "chromium is not installed (.ci/run installs it; or set RIPOSTE_CHROMIUM)");
        const string assessment = "Browser-drafted memo assessment";
        const string response = "Browser-recorded joint statement";
        await using var browser = await Chromium.LaunchAsync();
        var analyst = await browser.NewSessionAsync();
        await SignInAsync(analyst, "analyst");

        // From the AMBER incident's page: draft an assessment of it.
        await GoAsync(analyst, $"incidents/{Node.AmberIncidentId}");
        await SubmitAsync(analyst, $"a[href='incidents/{Node.AmberIncidentId}/assessments/new']");
        await analyst.TypeAsync("#i-name", assessment);
        await analyst.TypeAsync("#i-confidence", "70");
        await analyst.TypeAsync("#i-keyJudgements", "80 | The memo's letterhead is from 2019");
        await analyst.SelectAsync("#i-tlp", "amber");
        await Chromium.ScreenshotAsync(analyst, "assessment-new");
        await SubmitAsync(analyst, "form.form button[type=submit]");
        Assert.EndsWith($"/incidents/{Node.AmberIncidentId}", analyst.Url, StringComparison.Ordinal);
        Assert.Contains(assessment, await TextAsync(analyst, "main"), StringComparison.Ordinal);

        // Record a response to it.
        await GoAsync(analyst, $"incidents/{Node.AmberIncidentId}/responses/new");
        await analyst.TypeAsync("#i-name", response);
        await analyst.SelectAsync("#i-kind", "joint-statement");
        await analyst.SelectAsync("#i-tlp", "amber");
        await analyst.TypeAsync("#i-counters", "C00012");
        await Chromium.ScreenshotAsync(analyst, "response-new");
        await SubmitAsync(analyst, "form.form button[type=submit]");
        Assert.Contains(response, await TextAsync(analyst, "main"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(analyst, "incident-with-assessment-and-response");

        // Move it on the board from planned to in progress.
        await GoAsync(analyst, "responses");
        Assert.Contains(response, await TextAsync(analyst, "section[aria-labelledby='col-planned']"), StringComparison.Ordinal);
        var id = await analyst.EvaluateFunctionAsync<string>(
            "name => [...document.querySelectorAll('li.card')].find(c => c.querySelector('h3').innerText === name).dataset.response", response);
        await analyst.SelectAsync($"[id='move-{id}-status']", "in-progress");
        await SubmitAsync(analyst, $"li.card[data-response='{id}'] form button[type=submit]");
        Assert.Contains(response, await TextAsync(analyst, "section[aria-labelledby='col-in-progress']"), StringComparison.Ordinal);
        Assert.DoesNotContain(response, await TextAsync(analyst, "section[aria-labelledby='col-planned']"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(analyst, "responses-board-moved");

        // A partner sees neither: not on the board, the dashboard or in search; their edit pages are 404s.
        var partner = await browser.NewSessionAsync();
        await SignInAsync(partner, "partner");
        Assert.DoesNotContain(response, await TextAsync(partner, "main"), StringComparison.Ordinal);
        await GoAsync(partner, "responses");
        Assert.DoesNotContain(response, await TextAsync(partner, "main"), StringComparison.Ordinal);
        var hiddenResponse = await partner.GoToAsync(new Uri(Node.BaseAddress, $"responses/{id}/edit").ToString());
        Assert.Equal(HttpStatusCode.NotFound, hiddenResponse!.Status);
        Assert.DoesNotContain(response, await TextAsync(partner, "body"), StringComparison.Ordinal);
        var hiddenCreate = await partner.GoToAsync(new Uri(Node.BaseAddress, $"incidents/{Node.AmberIncidentId}/assessments/new").ToString());
        Assert.Equal(HttpStatusCode.NotFound, hiddenCreate!.Status);
        await GoAsync(partner, "incidents?q=memo");
        Assert.DoesNotContain(UiNode.AmberName, await TextAsync(partner, "main"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(partner, "partner-responses");
    }

    [Fact]
    public async Task Keyboard_SkipLinkIsFirstTabStop_AndMovesToMain()
    {
        Assert.SkipWhen(Chromium.Executable is null, "chromium is not installed (.ci/run installs it; or set RIPOSTE_CHROMIUM)");
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewSessionAsync();
        await SignInAsync(page, "analyst");
        await GoAsync(page, "incidents");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateExpressionAsync<string>("document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        var hash = await page.EvaluateExpressionAsync<string>("location.hash");

        Assert.Equal("Skip to main content", focused.Trim());
        Assert.Equal("#main", hash);
    }

    private async Task SignInAsync(IPage page, string user)
    {
        await GoAsync(page, "login");
        if (user == "analyst")
            await Chromium.ScreenshotAsync(page, "login");
        await page.TypeAsync("#login-name", user);
        await page.TypeAsync("#login-password", UiNode.Password);
        await SubmitAsync(page, "form button[type=submit]");
        Assert.Equal("Dashboard", await TextAsync(page, "h1"));
    }

    private async Task GoAsync(IPage page, string path)
    {
        var response = await page.GoToAsync(new Uri(Node.BaseAddress, path).ToString(), WaitUntilNavigation.Load);
        Assert.True(response is not null && response.Ok, $"{path}: {(int?)response?.Status}");
    }

    /// <summary>Submits and waits for the resulting page (a full load, or the enhanced-navigation update).</summary>
    private static async Task SubmitAsync(IPage page, string button)
    {
        var before = await page.EvaluateExpressionAsync<string>("document.body.innerHTML.length + ':' + location.href");
        await page.ClickAsync(button);
        await page.WaitForFunctionAsync($"() => (document.body.innerHTML.length + ':' + location.href) !== {System.Text.Json.JsonSerializer.Serialize(before)}", new WaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForNetworkIdleAsync(new WaitForNetworkIdleOptions { IdleTime = 300, Timeout = 30_000 });
    }

    private static Task<string> TextAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s)?.innerText ?? ''", selector);
}
