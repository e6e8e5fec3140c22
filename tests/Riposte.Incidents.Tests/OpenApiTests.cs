using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Web;

namespace Riposte.Incidents.Tests;

/// <summary>The real host's OpenAPI document describes the analyst API, request bodies included.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-openapi-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task OpenApi_RealHost_DocumentsIncidentEndpointsWithTheirBodies()
    {
        Directory.CreateDirectory(_folder);
        await using var app = RiposteHost.Build(new RiposteHostSettings { Db = Path.Combine(_folder, "store.db"), Urls = "http://127.0.0.1:0" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var create = document["paths"]!["/api/incidents"]!["post"]!;
        Assert.NotNull(create["requestBody"]!["content"]!["application/json"]);
        Assert.NotNull(document["paths"]!["/api/incidents/{id}/diff"]);
        Assert.NotNull(document["paths"]!["/api/tips/{id}/accept"]!["post"]!["requestBody"]);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
