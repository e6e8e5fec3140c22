using System.Net;
using System.Net.Http.Headers;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class DiscoveryTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetDiscovery_Authenticated_ListsTheApiRootAsTaxiiJson()
    {
        using var client = host.Client("alice");

        using var response = await client.GetAsync("/taxii2/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/taxii+json; version=2.1", response.Content.Headers.ContentType!.ToString().Replace(";version", "; version", StringComparison.Ordinal));
        var body = await TaxiiHttp.JsonOf(response);
        Assert.False(string.IsNullOrEmpty((string?)body["title"]));
        Assert.Equal(host.ApiRoot, (string?)body["default"]);
        Assert.Equal([host.ApiRoot], TaxiiHttp.Strings(body["api_roots"]));
    }

    [Fact]
    public async Task GetApiRoot_Authenticated_ReturnsVersionsAndMaxContentLength()
    {
        using var client = host.Client("bob");

        var body = await client.GetJson(host.ApiRoot);

        Assert.Equal(["application/taxii+json;version=2.1"], TaxiiHttp.Strings(body["versions"]));
        Assert.Equal(TaxiiHost.MaxContentLength, (long)body["max_content_length"]!);
        Assert.NotNull((string?)body["title"]);
    }

    [Fact]
    public async Task GetDiscovery_NoCredentials_401WithBasicAndBearerChallengesAndTaxiiError()
    {
        using var client = host.Client(null);

        using var response = await client.GetAsync("/taxii2/", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var schemes = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Contains("Basic", schemes);
        Assert.Contains("Bearer", schemes);
        var error = await TaxiiHttp.JsonOf(response);
        Assert.Equal("401", (string?)error["http_status"]);
        Assert.NotNull((string?)error["title"]);
    }

    [Theory]
    [InlineData("Bearer", "rpt_not-a-real-token")]
    [InlineData("Basic", "bm90LWJhc2U2NCE=")]
    [InlineData("Basic", "%%%")]
    [InlineData("Digest", "username=alice")]
    public async Task GetApiRoot_BadCredentials_401(string scheme, string parameter)
    {
        using var client = host.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, parameter);

        using var response = await client.GetAsync(host.ApiRoot, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task GetApiRoot_BasicWithPassword_200()
    {
        using var client = host.BasicClient("carol", TaxiiHost.Password);

        using var response = await client.GetAsync(host.ApiRoot, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetApiRoot_BasicWithWrongPassword_401()
    {
        using var client = host.BasicClient("carol", "wrong password, long enough");

        using var response = await client.GetAsync(host.ApiRoot, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetApiRoot_RevokedToken_401()
    {
        var (client, revoke) = await NewTokenClient();
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(host.ApiRoot, Ct)).StatusCode);

            revoke();
            using var response = await client.GetAsync(host.ApiRoot, Ct);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/taxii+json;version=2.0")]
    [InlineData("text/html")]
    [InlineData("application/stix+json;version=2.1")]
    [InlineData("application/taxii+json;version=2.1;q=0")]
    public async Task GetApiRoot_UnacceptableAccept_406(string accept)
    {
        using var client = host.Client("alice");
        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        using var response = await client.GetAsync(host.ApiRoot, Ct);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("406", (string?)(await TaxiiHttp.JsonOf(response))["http_status"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/taxii+json")]
    [InlineData("application/taxii+json; version=2.1")]
    [InlineData("text/html, application/taxii+json;version=2.1;q=0.5")]
    public async Task GetApiRoot_AcceptableAccept_200(string? accept)
    {
        using var client = host.Client("alice");
        client.DefaultRequestHeaders.Accept.Clear();
        if (accept is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        using var response = await client.GetAsync(host.ApiRoot, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(HttpClient Client, Action Revoke)> NewTokenClient()
    {
        await Task.Yield();
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(host.Services);
        var services = scope.ServiceProvider;
        var users = (Access.UserService)services.GetService(typeof(Access.UserService))!;
        var tokens = (Access.TokenService)services.GetService(typeof(Access.TokenService))!;
        var carol = users.GetByName("carol")!;
        var created = tokens.Create(Access.Principal.System, carol.Id, "revocable", null);
        var client = host.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        return (client, () =>
        {
            using var revokeScope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(host.Services);
            ((Access.TokenService)revokeScope.ServiceProvider.GetService(typeof(Access.TokenService))!).Revoke(Access.Principal.System, created.Token.Id);
        });
    }
}
