using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Riposte.Bench;

/// <summary>
/// The TAXII figures in one process: POST throughput, GET page latency on the 1M collection, and
/// 50 concurrent clients (45 paging, 5 posting) for a fixed time with error count and p50/p99.
/// Arguments: [load seconds = 60] [clients = 50] [phases = post,get,load; also parts] [pages = 200]
/// [collection objects = 1,000,000] [--db postgres://… for the STIX store on PostgreSQL, see <see cref="BenchStores"/>].
/// </summary>
public static class TaxiiBenchmarksQuick
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task RunAsync(string[] args)
    {
        using var stores = BenchStores.FromArgs(args, out args);
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var phases = args.Length > 2 ? args[2].Split(',') : ["post", "get", "load"];
        var pages = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
        var objects = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine($"STIX store provider: {stores.Provider}");

        if (phases.Contains("post"))
            await PostThroughputAsync(stores, warmUp: 1_000);
        await using var node = stores.Provider == "SQLite"
            ? await TaxiiBenchNode.StartAsync(TaxiiBenchNode.CachedDb(objects), objects)
            : await TaxiiBenchNode.StartOnAsync(stores.Open("read"), stores.FilePath("read-access.db"), objects);
        if (phases.Contains("get"))
            await GetPagesAsync(node, pages, objects);
        if (phases.Contains("parts"))
            TaxiiPageParts.Run(node, pages);
        if (phases.Contains("load"))
            await LoadAsync(node, clients, TimeSpan.FromSeconds(seconds));
    }

    private static async Task GetPagesAsync(TaxiiBenchNode node, int pages, int objects)
    {
        var latencies = new List<double>();
        string? next = null;
        await node.GetPageAsync(null, 1_000);
        var cpu = Environment.CpuUsage.TotalTime;
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        for (var i = 0; i < pages; i++)
        {
            var watch = Stopwatch.StartNew();
            var (_, following) = await node.GetPageAsync(next, 1_000);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            next = following;
        }
        var cpuPerPage = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / pages;
        var gcs = string.Join('/', collections.Select((before, generation) => GC.CollectionCount(generation) - before));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET pages of 1,000 from a {objects:N0}-object collection ({pages} consecutive pages): median {Percentile(latencies, 50):N1} ms, p95 {Percentile(latencies, 95):N1} ms, CPU {cpuPerPage:N1} ms/page (client and server), GCs gen0/1/2 {gcs}, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N0} MB (goal median < 30 ms)"));
    }

    /// <summary>
    /// Only the POST goal: <c>quick taxii-post [runs = 3] [warm-up objects = 10000] [--db postgres://…]</c>. Each run posts
    /// 10,000 objects in envelopes of 1,000 to a fresh store and prints objects/s and the process CPU; the median run is the figure.
    /// The goal is a steady rate, so each run first posts the warm-up objects the same way: measured right after
    /// start, the rate is mostly the JIT still compiling (and re-compiling with profile data) the request path.
    /// </summary>
    public static void RunPostOnly(string[] args)
    {
        using var stores = BenchStores.FromArgs(args, out args);
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var warmUp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var rates = new List<double>();
        for (var i = 0; i < runs; i++)
            rates.Add(PostThroughputAsync(stores, warmUp).GetAwaiter().GetResult());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {runs}: {Percentile(rates, 50):N0} objects/s"));
    }

    private static async Task<double> PostThroughputAsync(BenchStores stores, int warmUp)
    {
        await using var postNode = stores.Provider == "SQLite"
            ? await TaxiiBenchNode.StartAsync(TaxiiBenchNode.FreshDb("post"), 0)
            : await TaxiiBenchNode.StartOnAsync(stores.Open("post"), TaxiiBenchNode.FreshDb("post-access"), 0);
        await postNode.PostAsync(Math.Max(warmUp, 1_000), 1_000); // warm-up: JIT, connection, password cache
        var envelopes = TaxiiBenchNode.Envelopes(10_000, 1_000);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var stored = 0;
        foreach (var envelope in envelopes)
            stored += await postNode.PostEnvelopeAsync(postNode.Client, envelope);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var rate = stored / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"POST 10,000 objects in envelopes of 1,000: {stored:N0} stored in {watch.Elapsed.TotalMilliseconds:N0} ms = {rate:N0} objects/s, CPU {cpu.TotalMilliseconds:N0} ms (goal >= 20,000)"));
        return rate;
    }

    private static async Task LoadAsync(TaxiiBenchNode node, int clients, TimeSpan duration)
    {
        var reads = new ConcurrentBag<double>();
        var writes = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var posters = Math.Max(1, clients / 10);
        var stop = DateTime.UtcNow + duration;
        var tasks = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            using var client = node.NewClient();
            string? next = null;
            while (DateTime.UtcNow < stop)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    if (i < posters)
                    {
                        await node.PostEnvelopeAsync(client, TaxiiBenchNode.Envelopes(100, 100)[0]);
                        writes.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    else
                    {
                        (_, next) = await node.GetPageAsync(next, 1_000, client);
                        reads.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception e)
                {
                    errors.Add(e.Message);
                }
            }
        })).ToList();
        await Task.WhenAll(tasks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clients} clients for {duration.TotalSeconds:N0} s ({clients - posters} paging 1,000/page, {posters} posting 100/envelope): {reads.Count:N0} pages, {writes.Count:N0} posts, {errors.Count} errors"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  GET page p50 {Percentile([.. reads], 50):N0} ms, p99 {Percentile([.. reads], 99):N0} ms; POST p50 {Percentile([.. writes], 50):N0} ms, p99 {Percentile([.. writes], 99):N0} ms"));
        foreach (var error in errors.Distinct().Take(5))
            Console.WriteLine("  error: " + error);
    }

    private static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        values.Sort();
        var index = (int)Math.Ceiling(percentile / 100 * values.Count) - 1;
        return values[Math.Clamp(index, 0, values.Count - 1)];
    }
}
