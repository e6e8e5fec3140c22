using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Storage.Access;
using Riposte.Storage;
using Riposte.Storage.Sqlite;
using Riposte.Web;

namespace Riposte.Bench;

/// <summary>
/// TAXII goals over real HTTP on loopback against the composed host (RiposteHost): POST 10,000 objects
/// in envelopes of 1,000 at >= 20,000 objects/s stored; GET pages of 1,000 from a 1,000,000-object
/// collection with a median under 30 ms. The 1M store is built once and cached in /tmp/riposte-taxii-bench.
/// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*TaxiiBenchmarks*'
/// The 50-client load run and quick figures: <see cref="TaxiiBenchmarksQuick.Run"/> (taxii-quick).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TaxiiBenchmarks
{
    private const int PostObjects = 10_000;
    private TaxiiBenchNode _postNode = null!;
    private TaxiiBenchNode _readNode = null!;
    private string? _next;

    [GlobalSetup]
    public void Setup()
    {
        _postNode = TaxiiBenchNode.StartAsync(TaxiiBenchNode.FreshDb("post"), 0).GetAwaiter().GetResult();
        _readNode = TaxiiBenchNode.StartAsync(TaxiiBenchNode.CachedDb(1_000_000), 1_000_000).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _postNode.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _readNode.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = PostObjects)]
    public int PostTenEnvelopesOfThousand() => _postNode.PostAsync(PostObjects, 1_000).GetAwaiter().GetResult();

    [Benchmark]
    public int GetPageOfThousand()
    {
        var (count, next) = _readNode.GetPageAsync(_next, 1_000).GetAwaiter().GetResult();
        _next = next;
        return count;
    }
}

/// <summary>One node on loopback with a bench user (node organisation analyst) and one collection.</summary>
public sealed class TaxiiBenchNode : IAsyncDisposable
{
    public const string CollectionId = "7a1f5c3e-8f0a-4c7e-9d2b-0000000000be";
    private const string User = "bench";
    private const string Password = "bench password long enough";
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "riposte-taxii-bench");

    private readonly WebApplication _app;

    private TaxiiBenchNode(WebApplication app, Uri baseAddress, string db)
    {
        _app = app;
        DbPath = db;
        BaseAddress = baseAddress;
        Client = NewClient();
    }

    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public string DbPath { get; }
    public HttpClient Client { get; }
    public string ObjectsUrl => $"/taxii2/riposte/collections/{CollectionId}/objects/";

    public static string FreshDb(string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}.db");
        return path;
    }

    /// <summary>
    /// The cached store for this many objects. The name carries the schema version this build writes, so a
    /// schema change builds a new cache instead of reading a file laid out for another version.
    /// </summary>
    public static string CachedDb(int objects) => Path.Combine(Folder, $"taxii-{objects}-schema{SqliteStixStore.LatestSchemaVersion}.db");

    /// <summary>Starts a node; fills its collection with <paramref name="objects"/> generated objects unless the cached file already has them.</summary>
    public static async Task<TaxiiBenchNode> StartAsync(string db, int objects)
    {
        Directory.CreateDirectory(Folder);
        var ready = db + ".ready";
        if (objects > 0 && !File.Exists(ready))
        {
            foreach (var stale in Directory.GetFiles(Folder, Path.GetFileName(db) + "*"))
                File.Delete(stale);
            using var store = StoreBenchmarksQuick.Sqlite(db);
            FillCollection(store, objects, db);
        }

        var node = await ServeAsync(db, null);
        if (objects > 0)
            await File.WriteAllTextAsync(ready, "ok");
        return node;
    }

    /// <summary>
    /// A node serving <paramref name="store"/> (e.g. on PostgreSQL), its collection filled with
    /// <paramref name="objects"/> generated objects first (no cache); the access tables in the SQLite file <paramref name="db"/>.
    /// </summary>
    public static async Task<TaxiiBenchNode> StartOnAsync(IStixStore store, string db, int objects)
    {
        if (objects > 0)
            FillCollection(store, objects, store.GetType().Name);
        return await ServeAsync(db, store);
    }

    private static void FillCollection(IStixStore store, int objects, string where)
    {
        var watch = Stopwatch.StartNew();
        foreach (var batch in StoreBenchmarksGenerator.Objects(objects).Chunk(10_000))
            store.Put(batch, CollectionId);
        Console.WriteLine($"built {objects:N0}-object collection in {watch.Elapsed.TotalSeconds:N0} s: {where}");
    }

    private static async Task<TaxiiBenchNode> ServeAsync(string db, IStixStore? store)
    {
        var app = RiposteHost.Build(new RiposteHostSettings { Db = db, Urls = "http://127.0.0.1:0" }, store);
        await app.StartAsync();
        Seed(app.Services);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TaxiiBenchNode(app, new Uri(address), db);
    }

    private static void Seed(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var org = sp.GetRequiredService<IOptions<AccessOptions>>().Value.NodeOrganizationId;
        var orgs = sp.GetRequiredService<OrganizationService>();
        if (orgs.Get(org) is null)
            orgs.Register(Principal.System, org, "Bench node", TrustTier.Member);
        var users = sp.GetRequiredService<UserService>();
        if (users.GetByName(User) is null)
            users.Create(Principal.System, User, org, Role.Analyst, Password);
        var collections = sp.GetRequiredService<CollectionService>();
        if (!collections.List().Any(c => c.Id == CollectionId))
        {
            collections.Create(Principal.System, "bench", null, CollectionId);
            collections.Grant(Principal.System, CollectionId, GranteeKind.Organization, org, read: true, write: true);
        }
    }

    public HttpClient NewClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        return client;
    }

    /// <summary>Envelopes of fresh TLP:GREEN attack-patterns (~500 bytes each), made before timing starts.</summary>
    public static List<string> Envelopes(int objects, int perEnvelope)
    {
        var envelopes = new List<string>();
        for (var start = 0; start < objects; start += perEnvelope)
        {
            var array = new JsonArray();
            for (var i = start; i < Math.Min(objects, start + perEnvelope); i++)
            {
                array.Add(new JsonObject
                {
                    ["type"] = "attack-pattern",
                    ["spec_version"] = "2.1",
                    ["id"] = $"attack-pattern--{Guid.NewGuid()}",
                    ["created"] = "2026-03-01T10:00:00.000Z",
                    ["modified"] = "2026-03-01T10:00:00.000Z",
                    ["name"] = string.Create(CultureInfo.InvariantCulture, $"Amplify narrative {i} through inauthentic accounts"),
                    ["description"] = "Coordinated accounts repost the same forged video within minutes to push it into trending lists across three platforms.",
                    ["external_references"] = new JsonArray(new JsonObject { ["source_name"] = "DISARM", ["external_id"] = "T0049.003" }),
                    ["object_marking_refs"] = new JsonArray("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"),
                });
            }
            envelopes.Add(new JsonObject { ["objects"] = array }.ToJsonString());
        }
        return envelopes;
    }

    /// <summary>Posts the objects and returns how many the status resources report stored.</summary>
    public async Task<int> PostAsync(int objects, int perEnvelope, HttpClient? client = null)
    {
        var stored = 0;
        foreach (var envelope in Envelopes(objects, perEnvelope))
            stored += await PostEnvelopeAsync(client ?? Client, envelope);
        return stored;
    }

    public async Task<int> PostEnvelopeAsync(HttpClient client, string envelope)
    {
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        using var response = await client.PostAsync(ObjectsUrl, content);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202)
            throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {body}");
        using var status = JsonDocument.Parse(body);
        return status.RootElement.GetProperty("success_count").GetInt32();
    }

    /// <summary>One page; returns its size and the next token (null at the end).</summary>
    public async Task<(int Count, string? Next)> GetPageAsync(string? next, int limit, HttpClient? client = null)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"{ObjectsUrl}?limit={limit}") + (next is null ? "" : "&next=" + Uri.EscapeDataString(next));
        // Streamed into a pooled parse, as a client in its own process would: buffering each 700 kB page into
        // fresh arrays would load this process's large-object heap, and its garbage collections would be
        // charged to the server sharing the process.
        using var response = await (client ?? Client).GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var body = await response.Content.ReadAsStreamAsync();
        using var envelope = await JsonDocument.ParseAsync(body);
        var root = envelope.RootElement;
        var count = root.TryGetProperty("objects", out var objects) ? objects.GetArrayLength() : 0;
        var more = root.GetProperty("more").GetBoolean();
        return (count, more ? root.GetProperty("next").GetString() : null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
