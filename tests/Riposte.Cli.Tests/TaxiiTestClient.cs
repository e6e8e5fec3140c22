using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Riposte.Cli.Tests;

/// <summary>A TAXII client of a started host, signed in as the demo's desk analyst.</summary>
internal static class TaxiiTestClient
{
    private const string Taxii = "application/taxii+json;version=2.1";

    public static async Task<HttpClient> StartAsync(WebApplication app)
    {
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Demo.DeskUser}:nordvale-demo-2025")));
        return http;
    }

    public static async Task<(List<string> Ids, string StatusId)> PostAsync(HttpClient http, int writer, int round, CancellationToken cancel)
    {
        var ids = Enumerable.Range(0, 20).Select(_ => "indicator--" + Guid.NewGuid().ToString("D")).ToList();
        var objects = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject
        {
            ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = id,
            ["created"] = "2026-11-29T10:00:00.000Z", ["modified"] = "2026-11-29T10:00:00.000Z",
            ["name"] = $"replica test {writer}/{round.ToString(CultureInfo.InvariantCulture)}", ["pattern"] = "[url:value = 'http://example.com/x']",
            ["pattern_type"] = "stix", ["valid_from"] = "2026-11-29T10:00:00Z",
            ["object_marking_refs"] = new JsonArray("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
        })]);
        var response = await SendAsync(http, HttpMethod.Post, $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/", new JsonObject { ["objects"] = objects }.ToJsonString(), cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
        Assert.Equal(20, (int)body["success_count"]!);
        return (ids, (string)body["id"]!);
    }

    public static async Task<(List<string> Ids, string? Last)> PageAsync(HttpClient http, string? after, CancellationToken cancel)
    {
        var query = after is null ? "?limit=100" : $"?limit=100&added_after={Uri.EscapeDataString(after)}";
        var response = await SendAsync(http, HttpMethod.Get, $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/{query}", null, cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!;
        var ids = body["objects"]?.AsArray().Select(o => (string)o!["id"]!).ToList() ?? [];
        var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.First() : null;
        return (ids, last);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd(Taxii);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(Taxii));
        return await http.SendAsync(request, cancel);
    }
}
