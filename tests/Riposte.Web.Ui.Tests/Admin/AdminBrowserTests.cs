using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;
using PuppeteerSharp.Input;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests.Admin;

/// <summary>An admin onboards a partner from the browser; the new user then sees what the grant and the markings allow, no more.</summary>
public sealed class AdminBrowserTests(AdminNodeFixture fixture) : IClassFixture<AdminNodeFixture>
{
    private const string NewOrg = "Browser-made harbour watch";
    private const string NewUser = "harbour-analyst";
    private const string NewPassword = "harbour-password-2026";
    private const string NewCollection = "Harbour share";
    private UiNode Node => fixture.Node;

    [Fact]
    public async Task AdminPath_OrganisationUserTokenGrant_NewUserSeesOnlyWhatIsAllowed()
    {
        Assert.SkipWhen(Chromium.Executable is null, "chromium is not installed (.ci/run installs it; or set RIPOSTE_CHROMIUM)");
        await using var browser = await Chromium.LaunchAsync();
        var admin = await browser.NewSessionAsync();
        await SignInAsync(admin, "admin", UiNode.Password);
        await GoAsync(admin, "admin");
        await CheckAsync(admin, "admin-overview");

        // An organisation (partner tier).
        await GoAsync(admin, "admin/organizations");
        await SubmitAsync(admin, "form[aria-labelledby='org-create-heading'] button[type=submit]");
        Assert.Equal("is required", await TextAsync(admin, "#org-create-name-error"));
        Assert.Equal("true", await admin.EvaluateExpressionAsync<string>("document.querySelector('#org-create-name').getAttribute('aria-invalid')"));
        Assert.Equal("org-create-name", await admin.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await CheckAsync(admin, "admin-organizations-errors");
        await admin.TypeAsync("#org-create-name", NewOrg);
        await admin.SelectAsync("#org-create-tier", "partner");
        await SubmitAsync(admin, "form[aria-labelledby='org-create-heading'] button[type=submit]");
        Assert.Contains($"Registered {NewOrg} (partner)", await TextAsync(admin, "[role=status]"), StringComparison.Ordinal);
        var orgId = await admin.EvaluateFunctionAsync<string>("name => [...document.querySelectorAll('table a')].find(a => a.textContent === name).getAttribute('href').split('/').pop()", NewOrg);
        await CheckAsync(admin, "admin-organizations");

        // A user of it, with a password.
        await GoAsync(admin, "admin/users");
        await admin.TypeAsync("#user-create-name", NewUser);
        await admin.SelectAsync("#user-create-organizationId", orgId);
        await admin.SelectAsync("#user-create-role", "partner");
        await admin.TypeAsync("#user-create-password", NewPassword);
        await admin.TypeAsync("#user-create-confirm", NewPassword);
        await SubmitAsync(admin, "form[aria-labelledby='user-create-heading'] button[type=submit]");
        Assert.Contains($"Created {NewUser} (partner)", await TextAsync(admin, "[role=status]"), StringComparison.Ordinal);
        await CheckAsync(admin, "admin-users");

        // A token for that user: the secret is on this page only.
        var userPath = await admin.EvaluateFunctionAsync<string>("name => [...document.querySelectorAll('table a')].find(a => a.textContent === name).getAttribute('href')", NewUser);
        await GoAsync(admin, userPath);
        await ReplaceAsync(admin, "#token-create-name", "harbour taxii");
        await ReplaceAsync(admin, "#token-create-days", "7");
        await SubmitAsync(admin, "form[aria-labelledby='token-create-heading'] button[type=submit]");
        var secret = (await TextAsync(admin, "#token-secret")).Trim();
        Assert.Contains("Issued token harbour taxii,", await TextAsync(admin, "[role=status]"), StringComparison.Ordinal);
        Assert.StartsWith("rpt_", secret, StringComparison.Ordinal);
        await CheckAsync(admin, "admin-user-token");
        await GoAsync(admin, userPath);
        Assert.DoesNotContain(secret, await admin.GetContentAsync(), StringComparison.Ordinal);

        // A collection granted to the new organisation (read).
        await GoAsync(admin, "admin/collections");
        await admin.TypeAsync("#collection-create-title", NewCollection);
        await SubmitAsync(admin, "form[aria-labelledby='collection-create-heading'] button[type=submit]");
        var collectionPath = await admin.EvaluateFunctionAsync<string>("name => [...document.querySelectorAll('table a')].find(a => a.textContent === name).getAttribute('href')", NewCollection);
        await GoAsync(admin, collectionPath);
        await admin.SelectAsync("#grant-grantee", "organization:" + orgId);
        await SubmitAsync(admin, "form[aria-labelledby='grant-heading'] button[type=submit]");
        Assert.Contains($"{NewOrg} may now read", await TextAsync(admin, "[role=status]"), StringComparison.Ordinal);
        await CheckAsync(admin, "admin-collection-grants");
        await GoAsync(admin, "admin/peers");
        await CheckAsync(admin, "admin-peers");
        await GoAsync(admin, $"admin/peers/{AdminNodeFixture.PeerName}");
        await CheckAsync(admin, "admin-peer");

        // The collection holds a GREEN and an AMBER object of the node's organisation.
        var collectionId = collectionPath.Split('/')[^1];
        var (green, amber) = (Campaign(TlpLevel.Green, "Harbour green campaign"), Campaign(TlpLevel.Amber, "Harbour amber campaign"));
        Node.Services.GetRequiredService<IStixStore>().Put([green, amber], collectionId);

        // The new user signs in: the GREEN incident, never the AMBER one; no admin pages.
        var newcomer = await browser.NewSessionAsync();
        await SignInAsync(newcomer, NewUser, NewPassword);
        await GoAsync(newcomer, "incidents");
        var list = await TextAsync(newcomer, "main");
        Assert.Contains(UiNode.GreenName, list, StringComparison.Ordinal);
        Assert.DoesNotContain(UiNode.AmberName, list, StringComparison.Ordinal);
        var adminPage = await newcomer.GoToAsync(new Uri(Node.BaseAddress, "admin").ToString());
        Assert.Equal(HttpStatusCode.Forbidden, adminPage!.Status);
        await CheckAsync(newcomer, "admin-newcomer-refused");

        // With the token over TAXII: the granted collection only, and in it the GREEN object only.
        using var taxii = new HttpClient { BaseAddress = new Uri(Node.BaseAddress, "taxii2/riposte/") };
        taxii.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        taxii.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        var collections = await taxii.GetStringAsync(new Uri("collections/", UriKind.Relative), TestContext.Current.CancellationToken);
        var objects = await taxii.GetStringAsync(new Uri($"collections/{collectionId}/objects/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(NewCollection, collections, StringComparison.Ordinal);
        Assert.DoesNotContain("Fixture collection", collections, StringComparison.Ordinal);
        Assert.Contains(green.Id, objects, StringComparison.Ordinal);
        Assert.DoesNotContain(amber.Id, objects, StringComparison.Ordinal);
    }

    /// <summary>Keeps a screenshot of the page and holds it to the WCAG rules axe-core checks.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await Chromium.ScreenshotAsync(page, name);
        var violations = await AxeCheck.ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{name}: {string.Join("\n", violations)}");
    }

    private StixObject Campaign(TlpLevel level, string name)
    {
        var now = StixTimestamp.FromDateTime(DateTimeOffset.UtcNow).Text;
        return new StixObject(new JsonObject
        {
            ["type"] = "campaign", ["spec_version"] = "2.1", ["id"] = "campaign--" + Guid.NewGuid().ToString("D"),
            ["created"] = now, ["modified"] = now, ["name"] = name, ["created_by_ref"] = Node.NodeOrg,
            ["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(level)),
        });
    }

    private async Task SignInAsync(IPage page, string user, string password)
    {
        await GoAsync(page, "login");
        await page.TypeAsync("#login-name", user);
        await page.TypeAsync("#login-password", password);
        await SubmitAsync(page, "form button[type=submit]");
        Assert.Equal("Dashboard", await TextAsync(page, "h1"));
    }

    private async Task GoAsync(IPage page, string path)
    {
        var response = await page.GoToAsync(new Uri(Node.BaseAddress, path).ToString(), WaitUntilNavigation.Load);
        Assert.True(response is not null && response.Ok, $"{path}: {(int?)response?.Status}");
    }

    /// <summary>Types into a field that has a default value, as a person would after selecting it.</summary>
    private static async Task ReplaceAsync(IPage page, string selector, string text)
    {
        await page.ClickAsync(selector, new ClickOptions { Count = 3 });
        await page.Keyboard.PressAsync("Backspace");
        await page.TypeAsync(selector, text);
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        var navigation = page.WaitForNavigationAsync(new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 30_000 });
        await page.ClickAsync(button);
        await navigation;
    }

    private static Task<string> TextAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => document.querySelector(s)?.innerText ?? ''", selector);
}
