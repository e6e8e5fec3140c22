using System.Net;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests;

/// <summary>Login, antiforgery and "who can NOT see": over HTTP against a real host (no browser needed).</summary>
public sealed class UiAccessTests(UiNodeFixture fixture) : IClassFixture<UiNodeFixture>
{
    private UiNode Node => fixture.Node;

    [Theory]
    [InlineData("")]
    [InlineData("incidents")]
    [InlineData("navigator")]
    [InlineData("detection")]
    [InlineData("admin")]
    public async Task Page_NotSignedIn_RedirectsToLoginWithReturnUrl(string path)
    {
        using var client = new UiClient(Node.BaseAddress);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_SaysSoAndSetsNoCookie()
    {
        using var client = new UiClient(Node.BaseAddress);

        var response = await client.SignInAsync("analyst", "not-the-password-at-all");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("user name or password is wrong", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("riposte.ui=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = new UiClient(Node.BaseAddress);

        var response = await client.PostFormAsync("login", "login", new() { ["Input.Name"] = "analyst", ["Input.Password"] = UiNode.Password }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        using var client = new UiClient(Node.BaseAddress);

        var response = await client.PostFormAsync("login", "login", new()
        {
            ["Input.Name"] = "analyst", ["Input.Password"] = UiNode.Password, ["Input.ReturnUrl"] = "//evil.example/phish",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Node.BaseAddress, response.Headers.Location);
    }

    [Fact]
    public async Task IncidentDetail_PartnerOpensAmberByDirectUrl_Gets404WithoutTheName()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync($"incidents/{Node.AmberIncidentId}");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(UiNode.AmberName, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentDetail_AnalystOpensAmber_SeesItWithAmberBanner()
    {
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var body = await analyst.GetPageAsync($"incidents/{Node.AmberIncidentId}");

        Assert.Contains(UiNode.AmberName, body, StringComparison.Ordinal);
        Assert.Contains("tlp tlp-amber", body, StringComparison.Ordinal);
        Assert.Contains(UiNode.AmberTechnique, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("incidents")]
    [InlineData("incidents?q=dam")]
    [InlineData("incidents?marking=amber")]
    [InlineData("navigator")]
    [InlineData("responses")]
    public async Task Pages_Partner_NeverShowTheAmberIncident(string path)
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var body = await partner.GetPageAsync(path);

        Assert.DoesNotContain(UiNode.AmberName, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Node.AmberIncidentId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentList_Partner_SeesTheGreenIncident()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var body = await partner.GetPageAsync("incidents");

        Assert.Contains(UiNode.GreenName, body, StringComparison.Ordinal);
        Assert.Contains("tlp tlp-green", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigator_PartnerAndAnalyst_CountOnlyWhatEachMaySee()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var partnerPage = await partner.GetPageAsync("navigator");
        var analystPage = await analyst.GetPageAsync("navigator");

        // The parent technique counts its sub-techniques; sub-techniques are listed only when used.
        var parent = UiNode.AmberTechnique[..UiNode.AmberTechnique.IndexOf('.', StringComparison.Ordinal)];
        Assert.Contains($"data-technique=\"{parent}\" data-count=\"0\"", partnerPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-technique=\"{UiNode.AmberTechnique}\"", partnerPage, StringComparison.Ordinal);
        Assert.Contains($"data-technique=\"{parent}\" data-count=\"1\"", analystPage, StringComparison.Ordinal);
        Assert.Contains($"data-technique=\"{UiNode.AmberTechnique}\" data-count=\"1\"", analystPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_PartnerByDirectUrl_Gets404_AnalystSeesTheAccounts()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var hidden = await partner.GetAsync($"detection/{Node.ClusterId}");
        var shown = await analyst.GetPageAsync($"detection/{Node.ClusterId}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("dam_bot_0", shown, StringComparison.Ordinal);
        Assert.Contains("id=\"cluster-graph\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_PartnerWithoutAdminRole_Gets403()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_NodeAdmin_SeesOrganisationsAndUsers()
    {
        using var admin = await UiClient.SignedInAsync(Node.BaseAddress, "admin");

        var body = await admin.GetPageAsync("admin");

        Assert.Contains("Partner newsroom", body, StringComparison.Ordinal);
        Assert.Contains(">partner<", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIncident_PartnerRole_IsRefusedAndNothingIsStored()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.PostFormAsync("incidents/new", "incident", new() { ["Form.Name"] = "Partner attempt", ["Form.Category"] = "information-manipulation", ["Form.Tlp"] = "green" });
        var list = await partner.GetPageAsync("incidents?q=attempt");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Partner attempt", list.Replace("value=\"attempt\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIncident_MissingNameAndCategory_ShowsErrorsAtTheFields()
    {
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.PostFormAsync("incidents/new", "incident", new() { ["Form.Name"] = "", ["Form.Tlp"] = "amber", ["Form.Technique"] = "T9999" });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body[Math.Max(0, body.IndexOf("<main", StringComparison.Ordinal))..]}");
        Assert.Contains("id=\"i-technique-error\"", body, StringComparison.Ordinal);
        Assert.Contains("no DISARM technique 'T9999'", body, StringComparison.Ordinal);
        Assert.Contains("id=\"i-name-error\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"i-category-error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportDownload_Partner_GetsAZipWithTheHtmlReportWithoutTheAmberIncident()
    {
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");
        using var anonymous = new UiClient(Node.BaseAddress);

        var response = await partner.GetAsync("reports/annual?year=2026&edition=members");
        var refused = await anonymous.GetAsync("reports/annual?year=2026");
        var bad = await partner.GetAsync("reports/annual?year=2026&edition=secret");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var html = new StreamReader(zip.GetEntry("report.html")!.Open()).ReadToEnd();
        Assert.DoesNotContain(UiNode.AmberName, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Assets_StylesheetAndBundles_AreServedWithoutLogin()
    {
        using var client = new UiClient(Node.BaseAddress);

        var css = await client.GetAsync("ui/css/site.css");
        var network = await client.GetAsync("ui/js/network.js");
        var blazor = await client.GetAsync("_framework/blazor.web.js");
        var missing = await client.GetAsync("ui/../appsettings.json");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, network.StatusCode);
        Assert.Equal(HttpStatusCode.OK, blazor.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, missing.StatusCode);
    }
}
