using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Federation.Sync;
using Riposte.Web;

namespace Riposte.Cli.Tests.Postgres;

/// <summary>Two replicas (two hosts on loopback ports) serving one PostgreSQL database.</summary>
public sealed class ReplicaTests : IAsyncDisposable
{
    private const string Taxii = "application/taxii+json;version=2.1";
    private readonly PostgresTestDatabase _postgres = PostgresTestDatabase.Create();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "riposte-keys-" + Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> _hosts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        _postgres.Dispose();
        if (Directory.Exists(_keys))
            Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task TwoReplicas_ConcurrentPostsAndPaging_NothingSkippedOrRepeatedStatusOnEitherSyncOnOne()
    {
        using (var node = NodeSession.Open(_postgres.Url))
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
        var a = await StartAsync();
        var b = await StartAsync();
        var cancel = TestContext.Current.CancellationToken;

        // Writers on both replicas while a reader pages through replica A with added_after.
        var posted = new ConcurrentBag<string>();
        var writers = Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 8; round++)
            {
                    foreach (var id in (await PostAsync(w == 0 ? a : b, w, round, cancel)).Ids)
                        posted.Add(id);
                }
        }, cancel)));
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var done = writers.IsCompleted;
            var (ids, last) = await PageAsync(a, after, cancel);
            seen.AddRange(ids);
            after = last ?? after;
            if (done && ids.Count == 0)
                break;
        }
        await writers;
        var (statusIds, statusId) = await PostAsync(a, 9, 0, cancel);
        var followed = await SendAsync(b, HttpMethod.Get, $"/taxii2/riposte/status/{statusId}/", null, cancel);
        await Task.Delay(TimeSpan.FromSeconds(1), cancel);

        var mine = seen.Where(posted.Contains).ToList();
        Assert.Equal(posted.Count, mine.Count);
        Assert.Equal(mine.Count, mine.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Contains(statusIds[0], await followed.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        Assert.Equal(1, _hosts.Count(h => h.Services.GetRequiredService<SyncLeadership>().IsLeader));
    }

    private async Task<HttpClient> StartAsync()
    {
        var app = RiposteHost.Build(new RiposteHostSettings { Db = _postgres.Url, Urls = "http://127.0.0.1:0", KeysDirectory = _keys });
        _hosts.Add(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Demo.DeskUser}:nordvale-demo-2025")));
        return http;
    }

    private static async Task<(List<string> Ids, string StatusId)> PostAsync(HttpClient http, int writer, int round, CancellationToken cancel)
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

    private static async Task<(List<string> Ids, string? Last)> PageAsync(HttpClient http, string? after, CancellationToken cancel)
    {
        var query = after is null ? "?limit=100" : $"?limit=100&added_after={Uri.EscapeDataString(after)}";
        var response = await SendAsync(http, HttpMethod.Get, $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/{query}", null, cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!;
        var ids = body["objects"]?.AsArray().Select(o => (string)o!["id"]!).ToList() ?? [];
        var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.First() : null;
        return (ids, last);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd(Taxii);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(Taxii));
        return await http.SendAsync(request, cancel);
    }
}
