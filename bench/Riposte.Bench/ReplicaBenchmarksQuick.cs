using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Riposte.Storage;
using Riposte.Storage.Postgres;

namespace Riposte.Bench;

/// <summary>
/// Several TAXII replicas serving one PostgreSQL database: for 1, 2 and 4 replicas, clients spread
/// round-robin over them page through the collection and post to it for a fixed time; prints pages/s,
/// objects posted/s and errors, then checks every post is in the store. Each replica has its own connection
/// pool and access file, as separate processes would; all run in this process, so on a small machine the
/// figure shows what more replicas cost or gain against one database, not a multi-machine deployment.
/// <c>quick replicas --db postgres://… [seconds = 15] [clients = 8] [replicas = 1,2,4] [objects = 20,000]</c>.
/// </summary>
public static class ReplicaBenchmarksQuick
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        using var stores = BenchStores.FromArgs(args, out args);
        if (stores.Provider != "PostgreSQL")
            throw new ArgumentException("quick replicas needs --db postgres://… (or RIPOSTE_BENCH_POSTGRES)");
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var counts = args.Length > 2 ? args[2].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() : [1, 2, 4];
        var objects = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
        foreach (var count in counts)
            await MeasureAsync(stores, count, clients, objects, TimeSpan.FromSeconds(seconds));
    }

    private static async Task MeasureAsync(BenchStores stores, int replicas, int clients, int objects, TimeSpan duration)
    {
        var database = stores.OpenPool();
        var nodes = new List<TaxiiBenchNode>();
        try
        {
            for (var i = 0; i < replicas; i++)
            {
                // The first replica fills the collection; every replica gets its own pool on the same database.
                var store = new PostgresStixStore(i == 0 ? database : stores.PoolOn(database));
                nodes.Add(await TaxiiBenchNode.StartOnAsync(store, stores.FilePath($"replica-{replicas}-{i}.db"), i == 0 ? objects : 0));
            }
            var (pages, posted, errors, pageTimes) = await LoadAsync(nodes, clients, duration);
            var stored = new PostgresStixStore(database).Query(new StixQuery { CollectionId = TaxiiBenchNode.CollectionId, Versions = VersionFilter.All }).LongCount();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{replicas} replica(s), {clients} clients for {duration.TotalSeconds:N0} s: {pages / duration.TotalSeconds:N1} pages of 1,000/s, {posted / duration.TotalSeconds:N0} objects posted/s, {errors.Count} errors; page p50 {Median(pageTimes):N0} ms (per replica: {string.Join(" / ", Enumerable.Range(0, replicas).Select(r => Median(pageTimes, r).ToString("N0", CultureInfo.InvariantCulture)))}); collection {stored:N0} = {objects:N0} + {posted:N0} posted: {(stored == objects + posted ? "nothing lost" : "MISMATCH")}"));
            foreach (var error in errors.Distinct().Take(3))
                Console.WriteLine("  error: " + error);
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    /// <summary>Half the clients page (1,000 a page), half post (envelopes of 100); each replica serves both kinds.</summary>
    private static double Median(ConcurrentBag<(int Replica, double Ms)> values, int? replica = null)
    {
        var sorted = values.Where(v => replica is null || v.Replica == replica).Select(v => v.Ms).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static async Task<(long Pages, long Posted, ConcurrentBag<string> Errors, ConcurrentBag<(int Replica, double Ms)> PageTimes)> LoadAsync(List<TaxiiBenchNode> nodes, int clients, TimeSpan duration)
    {
        long pages = 0, posted = 0;
        var errors = new ConcurrentBag<string>();
        var pageTimes = new ConcurrentBag<(int, double)>();
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var replica = i / 2 % nodes.Count;
            var node = nodes[replica]; // a pager and a poster per replica in turn, as a load balancer spreads them
            using var client = node.NewClient();
            string? next = null;
            while (stop.Elapsed < duration)
            {
                try
                {
                    if (i % 2 == 0)
                    {
                        var started = Stopwatch.GetTimestamp();
                        (_, next) = await node.GetPageAsync(next, 1_000, client);
                        pageTimes.Add((replica, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                        Interlocked.Increment(ref pages);
                    }
                    else
                    {
                        Interlocked.Add(ref posted, await node.PostEnvelopeAsync(client, TaxiiBenchNode.Envelopes(100, 100)[0]));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    errors.Add(e.Message);
                }
            }
        })));
        return (pages, posted, errors, pageTimes);
    }
}
