using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Riposte.Cli;
using Riposte.Web;

namespace Riposte.Bench;

/// <summary>
/// <c>quick replicas-serve [seconds = 10] [clients = 8]</c>: 1, 2 and 4 whole hosts (what <c>riposte serve</c> builds: access
/// and audit, TAXII statuses and the federation lease in the database too, unlike <c>quick replicas</c>'s TAXII-only nodes) on one
/// fresh PostgreSQL database each time, the clients spread over them round robin, half posting envelopes of
/// 100 indicators and half paging with added_after, for a fixed time; prints POST objects/s and GET pages/s.
/// The server comes from <c>RIPOSTE_TEST_POSTGRES</c> (<c>eval "$(scripts/test-postgres.sh)"</c>).
/// All hosts run in this one process on this machine's cores, beside the database: the figures say what
/// replicas cost and whether anything serialises across them, not what more machines would add.
/// </summary>
public static class ReplicasBenchmarksQuick
{
    private const string Taxii = "application/taxii+json;version=2.1";

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var server = Environment.GetEnvironmentVariable("RIPOSTE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("set RIPOSTE_TEST_POSTGRES: eval \"$(scripts/test-postgres.sh)\"");
        foreach (var replicas in new[] { 1, 2, 4 })
        {
            var name = "riposte_bench_" + Guid.NewGuid().ToString("N")[..12];
            Execute(server, $"CREATE DATABASE \"{name}\"");
            try
            {
                var db = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
                await MeasureAsync(db, replicas, clients, TimeSpan.FromSeconds(seconds));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static async Task MeasureAsync(string db, int replicas, int clients, TimeSpan duration)
    {
        using (var node = NodeSession.Open(db))
            Demo.Prepare(node, new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, interactive: false));
        var keys = Directory.CreateTempSubdirectory("riposte-bench-keys-");
        var hosts = new List<WebApplication>();
        try
        {
            var https = new List<HttpClient>();
            for (var i = 0; i < replicas; i++)
            {
                var app = RiposteHost.Build(new RiposteHostSettings { Db = db, Urls = "http://127.0.0.1:0", KeysDirectory = keys.FullName });
                hosts.Add(app);
                await app.StartAsync();
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                var http = new HttpClient { BaseAddress = new Uri(address) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Demo.DeskUser}:nordvale-demo-2025")));
                https.Add(http);
            }
            using var stop = new CancellationTokenSource(duration);
            long posted = 0, pages = 0, errors = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var http = https[c % https.Count];
                string? after = null;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        if (c % 2 == 0)
                        {
                            await PostAsync(http);
                            Interlocked.Add(ref posted, 100);
                        }
                        else
                        {
                            after = await PageAsync(http, after) ?? after;
                            Interlocked.Increment(ref pages);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })));
            var elapsed = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replicas {replicas}: POST {posted / elapsed:N0} objects/s, GET {pages / elapsed:N0} pages/s of up to 100 ({clients} clients, {elapsed:N1} s, {errors} errors)"));
            foreach (var http in https)
                http.Dispose();
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
            keys.Delete(recursive: true);
        }
    }

    private static async Task PostAsync(HttpClient http)
    {
        var objects = new JsonArray([.. Enumerable.Range(0, 100).Select(_ => (JsonNode)new JsonObject
        {
            ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = "indicator--" + Guid.NewGuid().ToString("D"),
            ["created"] = "2026-11-29T10:00:00.000Z", ["modified"] = "2026-11-29T10:00:00.000Z", ["name"] = "replica bench",
            ["pattern"] = "[url:value = 'http://example.com/x']", ["pattern_type"] = "stix", ["valid_from"] = "2026-11-29T10:00:00Z",
            ["object_marking_refs"] = new JsonArray("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
        })]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/")
        {
            Content = new StringContent(new JsonObject { ["objects"] = objects }.ToJsonString(), Encoding.UTF8, MediaTypeHeaderValue.Parse(Taxii)),
        };
        request.Headers.Accept.ParseAdd(Taxii);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST answered {(int)response.StatusCode}");
    }

    private static async Task<string?> PageAsync(HttpClient http, string? after)
    {
        var query = after is null ? "?limit=100" : $"?limit=100&added_after={Uri.EscapeDataString(after)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/taxii2/riposte/collections/{Demo.CollectionId}/objects/{query}");
        request.Headers.Accept.ParseAdd(Taxii);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET answered {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
        return response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.First() : null;
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
