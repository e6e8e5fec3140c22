using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Taxonomy;
using Riposte.Web;

namespace Riposte.Bench;

/// <summary>
/// Web UI page times with 100,000 objects in the store (goal: main pages &lt; 200 ms at p95): a real
/// host on loopback, an analyst signed in with the UI cookie, each page fetched repeatedly over HTTP
/// (server rendering plus transfer, as a browser waits for it). Arguments: [objects = 100000] [requests per page = 40].
/// The store: 500 incidents (AMBER and GREEN, two DISARM techniques each, made through the
/// incident service), 100 responses, DISARM, then accounts, indicators and notes up to the object
/// count. "forged" is in incident names only; "memo" is in 60% of the store (a broad search).
/// </summary>
public static partial class UiBenchmarksQuick
{
    private const string Password = "ui-bench-password-2026";
    private const int Incidents = 500;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task RunAsync(string[] args)
    {
        var objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        var folder = Path.Combine(Path.GetTempPath(), "riposte-ui-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("RIPOSTE_Access__PasswordIterations", "1000");
        await using var app = RiposteHost.Build(new RiposteHostSettings { Db = Path.Combine(folder, "store.db"), Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var seed = Stopwatch.StartNew();
        var firstIncident = Seed(app.Services, objects);
        var total = app.Services.GetRequiredService<IStixStore>().Stats().Objects;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {total:N0} objects (seeded in {seed.Elapsed.TotalSeconds:N0} s)"));

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        await SignInAsync(http);
        string[] pages = ["", "incidents", "incidents?q=forged", "incidents?q=memo", "incidents?status=draft&marking=amber&platform=telegram", $"incidents/{firstIncident}", "navigator", "navigator?category=election-interference&technique=T0049.003", "responses", "detection"];
        foreach (var page in pages)
        {
            var size = await GetAsync(http, page); // warm-up: JIT and first-use caches
            var times = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                await GetAsync(http, page);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var (median, p95) = Percentiles(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"/{page,-60} median {median,7:N1} ms  p95 {p95,7:N1} ms  ({requests} requests, {size / 1024.0:N0} KiB)"));
        }
        NavigatorRelationships(app.Services, requests);
        await app.StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }

    /// <summary>
    /// The navigator's store work for all 500 incidents, in-process, A/B in one run: the techniques of
    /// each incident asked one incident at a time (as before) and in one batched query through the gate.
    /// </summary>
    private static void NavigatorRelationships(IServiceProvider services, int repeats)
    {
        using var scope = services.CreateScope();
        var analyst = UserService.PrincipalOf(scope.ServiceProvider.GetRequiredService<UserService>().GetByName("analyst")!);
        var workspace = scope.ServiceProvider.GetRequiredService<ObjectWorkspace>();
        var ids = workspace.List(analyst, new StixQuery { Types = [IncidentService.Type] }, limit: Incidents).Select(i => i.Id).ToList();
        var perIncident = Time(repeats, () => ids.Sum(id => workspace.Relationships(analyst, id, "uses").Count));
        var batched = Time(repeats, () => workspace.RelationshipsFrom(analyst, ids, "uses").Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"navigator relationships of {ids.Count} incidents: one query per incident median {perIncident.Median:N1} ms p95 {perIncident.P95:N1} ms ({perIncident.Found} found); batched median {batched.Median:N1} ms p95 {batched.P95:N1} ms ({batched.Found} found); x{perIncident.Median / batched.Median:N1} at the median"));
    }

    private static (double Median, double P95, int Found) Time(int repeats, Func<int> work)
    {
        var found = work(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var (median, p95) = Percentiles(times);
        return (median, p95, found);
    }

    private static (double Median, double P95) Percentiles(List<double> times)
    {
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(0.95 * times.Count) - 1]);
    }

    private static string Seed(IServiceProvider services, int objects)
    {
        var store = services.GetRequiredService<IStixStore>();
        DisarmLoader.LoadInto(store, DisarmFramework.Embedded);
        var nodeOrg = services.GetRequiredService<IOptions<AccessOptions>>().Value.NodeOrganizationId!;
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganizationService>().Register(Principal.System, nodeOrg, "Bench node", TrustTier.Member);
        var analyst = UserService.PrincipalOf(scope.ServiceProvider.GetRequiredService<UserService>().Create(Principal.System, "analyst", nodeOrg, Role.Analyst, Password));
        var incidents = scope.ServiceProvider.GetRequiredService<IncidentService>();
        var techniques = DisarmFramework.Embedded.Techniques;
        string[] categories = ["information-manipulation", "election-interference", "fundamental-freedoms"];
        string[] platforms = ["telegram", "x", "facebook", "tiktok"];
        var ids = new List<string>();
        for (var i = 0; i < Incidents; i++)
        {
            var created = incidents.Create(analyst, new IncidentInput
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"Incident {i}: forged memo wave {i % 37}"),
                Category = categories[i % categories.Length],
                Tlp = i % 3 == 0 ? "green" : "amber",
                Platforms = [platforms[i % platforms.Length]],
                FirstSeen = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i % 330).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
            incidents.TagTechnique(analyst, created.Id, techniques[i % techniques.Count].Id, null, null);
            incidents.TagTechnique(analyst, created.Id, techniques[(i + 1 + i % 5) % techniques.Count].Id, null, null);
            ids.Add(created.Id);
        }
        var responses = scope.ServiceProvider.GetRequiredService<ResponseService>();
        string[] statuses = ["planned", "in-progress", "completed", "cancelled"];
        for (var i = 0; i < 100; i++)
        {
            responses.Create(analyst, new ResponseInput
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"Joint statement {i}"), Kind = "joint-statement",
                IncidentRefs = [ids[i * 5]], OwnerRef = nodeOrg, Status = statuses[i % statuses.Length], Tlp = "green",
            });
        }
        var fill = objects - (int)store.Stats().Objects;
        var now = StixTimestamp.FromDateTime(DateTimeOffset.UtcNow).Text;
        for (var done = 0; done < fill;)
        {
            var batch = new List<StixObject>();
            for (; batch.Count < 5_000 && done < fill; done++)
                batch.Add(Filler(done, nodeOrg, now, ids));
            store.Put(batch);
        }
        return ids[1];
    }

    /// <summary>
    /// The bulk of a working store: accounts from detection, indicators, and notes (one in ten objects;
    /// every fiftieth note is about an incident, the rest about indicators). Half GREEN, half AMBER.
    /// </summary>
    private static StixObject Filler(int i, string nodeOrg, string now, List<string> incidents)
    {
        var marking = new JsonArray(i % 2 == 0 ? TlpMarkings.GreenId : TlpMarkings.AmberId);
        var n = i.ToString(CultureInfo.InvariantCulture);
        JsonObject json = (i % 10) switch
        {
            0 => new JsonObject
            {
                ["type"] = "note", ["content"] = $"Observation {n} about the memo",
                ["object_refs"] = new JsonArray(i % 500 == 0 ? incidents[i / 500 % incidents.Count] : IndicatorId(i - 1)),
            },
            < 5 => new JsonObject { ["type"] = "user-account", ["user_id"] = "account-" + n, ["account_login"] = "handle_" + n },
            _ => new JsonObject
            {
                ["type"] = "indicator", ["name"] = $"Memo domain {n}", ["pattern"] = $"[domain-name:value = 'memo-{n}.example']",
                ["pattern_type"] = "stix", ["valid_from"] = now,
            },
        };
        json["spec_version"] = "2.1";
        json["id"] = json["type"]!.GetValue<string>() == "indicator" ? IndicatorId(i) : json["type"]!.GetValue<string>() + "--" + Guid.NewGuid().ToString("D");
        if (json["type"]!.GetValue<string>() != "user-account")
        {
            json["created"] = now;
            json["modified"] = now;
            json["created_by_ref"] = nodeOrg;
        }
        json["object_marking_refs"] = marking;
        return new StixObject(json);
    }

    private static string IndicatorId(int i) => string.Create(CultureInfo.InvariantCulture, $"indicator--{Math.Max(i, 0):x8}-0000-4000-8000-000000000000");

    private static async Task SignInAsync(HttpClient http)
    {
        var login = await http.GetStringAsync(new Uri("login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Name"] = "analyst", ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = TokenField().Match(login).Groups["token"].Value,
        });
        var response = await http.PostAsync(new Uri("login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in failed: {(int)response.StatusCode}");
    }

    private static async Task<int> GetAsync(HttpClient http, string page)
    {
        using var response = await http.GetAsync(new Uri(page, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            throw new InvalidOperationException($"/{page}: {(int)response.StatusCode}");
        return body.Length;
    }
}
