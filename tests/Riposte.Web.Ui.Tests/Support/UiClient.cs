using System.Net;
using System.Text.RegularExpressions;

namespace Riposte.Web.Ui.Tests.Support;

/// <summary>A browser-like HTTP client: keeps cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
public sealed partial class UiClient : IDisposable
{
    private readonly HttpClient _http;

    public UiClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<UiClient> SignedInAsync(Uri baseAddress, string user)
    {
        var client = new UiClient(baseAddress);
        var response = await client.SignInAsync(user, UiNode.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {user}: {(int)response.StatusCode}");
        return client;
    }

    public Task<HttpResponseMessage> SignInAsync(string user, string password) =>
        PostFormAsync("login", "login", new() { ["Input.Name"] = user, ["Input.Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Loads the page (or <paramref name="tokenFrom"/>, for a page the user may not open) for its antiforgery
    /// token, then posts the named form to <paramref name="path"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields, bool withToken = true, string? tokenFrom = null)
    {
        var page = await GetPageAsync(tokenFrom ?? path);
        var values = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withToken)
            values["__RequestVerificationToken"] = TokenField().Match(page).Groups["token"].Value;
        using var content = new FormUrlEncodedContent(values);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
