using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Web;

namespace Riposte.Cli.Tests;

public class ServeDemoTests
{
    private const string Taxii = "application/taxii+json;version=2.1";
    private const string RedNote = "note--";
    private const string ThreatActor = "threat-actor--";

    [Fact]
    public async Task ServeDemo_MemberAnalystReadsTheScenarioOverTaxii_OutreachUserSeesNoAmberOrRed()
    {
        using var cli = new CliRunner();
        using (var node = NodeSession.Open(cli.Db))
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
        await using var app = RiposteHost.Build(new RiposteHostSettings { Db = cli.Db, Urls = "http://127.0.0.1:0" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var analyst = await GetObjects(http, "analyst");
        var herald = await GetObjects(http, "herald");
        var stranger = await Get(http, "analyst", "wrong-password-123", $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Fabricated dam memo", analyst, StringComparison.Ordinal);
        Assert.Contains(ThreatActor, analyst, StringComparison.Ordinal);
        Assert.Contains("Fabricated dam memo", herald, StringComparison.Ordinal);
        Assert.DoesNotContain(ThreatActor, herald, StringComparison.Ordinal);
        Assert.DoesNotContain("Not for further distribution", herald, StringComparison.Ordinal);
        Assert.DoesNotContain("Not for further distribution", analyst, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ServeDemo_DeskAnalystOfTheNodeRecordsAnIncident_MemberAnalystMayNot()
    {
        using var cli = new CliRunner();
        using (var node = NodeSession.Open(cli.Db))
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
        await using var app = RiposteHost.Build(new RiposteHostSettings { Db = cli.Db, Urls = "http://127.0.0.1:0" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var desk = await PostIncident(http, Demo.DeskUser);
        var member = await PostIncident(http, "analyst");

        Assert.True(desk.StatusCode == HttpStatusCode.Created, await desk.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> PostIncident(HttpClient http, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents")
        {
            Content = new StringContent("{\"name\":\"Forged dam memo\",\"category\":\"information-manipulation\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:nordvale-demo-2025")));
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> GetObjects(HttpClient http, string user)
    {
        var response = await Get(http, user, "nordvale-demo-2025", $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, string user, string password, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        request.Headers.Accept.ParseAdd(Taxii);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
