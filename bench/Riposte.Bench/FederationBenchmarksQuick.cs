using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Bench;

/// <summary>
/// Federation on loopback, three real nodes in this process (Kestrel on free ports, own SQLite files,
/// production settings), chained a → b → c by their event streams. Latency: single writes on a, paced,
/// timestamped when they are stored on b and on c (p50/p99). Throughput: a burst written on a in
/// batches, objects/s until the last is stored on b and on c.
/// Arguments: [paced writes = 500] [burst objects = 50000].
/// </summary>
public static class FederationBenchmarksQuick
{
    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task RunAsync(string[] args)
    {
        var paced = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        await using var mesh = await Mesh.StartAsync(_ => { }, ["a", "b", "c"]);
        mesh.Peer("b", "a");
        mesh.Peer("c", "b");
        var (a, b, c) = (mesh["a"], mesh["b"], mesh["c"]);
        using var onB = new ArrivalClock(b);
        using var onC = new ArrivalClock(c);

        await WriteAsync(a, 200, 50, onC, TimeSpan.Zero); // warm-up: JIT, connections, first streams

        var sent = await WriteAsync(a, paced, 1, onC, TimeSpan.FromMilliseconds(10));
        Console.WriteLine(Latency("a -> b", sent, onB));
        Console.WriteLine(Latency("a -> b -> c", sent, onC));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        sent = await WriteAsync(a, burst, 500, onC, TimeSpan.Zero);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(Throughput("a -> b", burst, start, sent, onB));
        Console.WriteLine(Throughput("a -> b -> c", burst, start, sent, onC));
        // On a shared machine the wall clock measures the neighbours too; CPU time per object does not.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU for the burst (writes on a, both hops, all three nodes and the arrival watchers): {cpu.TotalSeconds:N2} s = {cpu.TotalMilliseconds * 1_000 / burst:N0} µs per object; {Environment.ProcessorCount} cores"));
        Console.WriteLine(Stages(mesh, burst));
    }

    /// <summary>Where replication time goes: the serving side's feed reads (border, provenance) and the receiving side's applies, each alone, over a's collection.</summary>
    private static string Stages(Mesh mesh, int count)
    {
        var (a, c) = (mesh["a"], mesh["c"]);
        var peer = c.Federation.GetPeer("b")!;
        var reader = new Principal("peer:b", mesh["b"].OrganizationId, Role.Partner);
        var feed = a.Services.GetRequiredService<ChangeFeed>();
        var events = new List<ReceivedEvent>();
        var read = Stopwatch.StartNew();
        var cursor = StreamCursor.Start;
        while (true)
        {
            var batch = a.Scoped(sp => feed.Read(sp.GetRequiredService<BorderCheck>(), reader, null, [Mesh.Shared], cursor));
            if (batch.Next == cursor)
                break;
            cursor = batch.Next;
            events.AddRange(batch.Events.Select(e => FeedEventJson.Read(EventStreamApi.Name(e.Kind), e.Cursor.ToString(), FeedEventJson.Write(e))));
        }
        read.Stop();
        // Applied on c as if from b, into a fresh collection-less replay: c holds them already, so this is the duplicate path too.
        var applier = c.Services.GetRequiredService<IncomingApplier>();
        var apply = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(500))
            applier.Apply(peer, chunk);
        apply.Stop();
        return string.Create(CultureInfo.InvariantCulture,
            $"stages over {events.Count:N0} versions: feed read + event JSON both ways {events.Count / read.Elapsed.TotalSeconds:N0} objects/s; apply of versions already held {events.Count / apply.Elapsed.TotalSeconds:N0} objects/s");
    }

    /// <summary>Writes <paramref name="count"/> new objects on a node in batches, then waits until <paramref name="last"/> holds them all.</summary>
    private static async Task<Dictionary<string, long>> WriteAsync(LoopbackNode node, int count, int batch, ArrivalClock last, TimeSpan pause)
    {
        var sent = new Dictionary<string, long>(count, StringComparer.Ordinal);
        for (var written = 0; written < count; written += batch)
        {
            var objects = Enumerable.Range(written, Math.Min(batch, count - written))
                .Select(i => Objects.Campaign(node.OrganizationId, TlpLevel.Green, "bench campaign " + i.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            var at = Stopwatch.GetTimestamp();
            node.Store.Put(objects, Mesh.Shared);
            foreach (var obj in objects)
                sent[obj.Id] = at;
            if (pause > TimeSpan.Zero)
                await Task.Delay(pause);
        }
        await Mesh.Until(() => sent.Keys.All(last.Arrived.ContainsKey), $"{count:N0} objects reach {last.Node}", TimeSpan.FromMinutes(5));
        return sent;
    }

    private static string Latency(string route, Dictionary<string, long> sent, ArrivalClock arrivals)
    {
        var millis = sent.Select(s => Stopwatch.GetElapsedTime(s.Value, arrivals.Arrived[s.Key]).TotalMilliseconds).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"propagation {route}, {millis.Count:N0} single writes 10 ms apart: p50 {Percentile(millis, 50):N1} ms, p99 {Percentile(millis, 99):N1} ms, max {millis[^1]:N1} ms (goal p99 < 1,000 ms)");
    }

    private static string Throughput(string route, int count, long start, Dictionary<string, long> sent, ArrivalClock arrivals)
    {
        var seconds = Stopwatch.GetElapsedTime(start, sent.Keys.Max(id => arrivals.Arrived[id])).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"replication {route}, {count:N0} objects written in batches of 500: all stored in {seconds:N2} s = {count / seconds:N0} objects/s (goal >= 5,000)");
    }

    private static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    /// <summary>Stamps each version when it is stored on a node: woken by the node's own change signal, it reads what is new since the last look.</summary>
    private sealed class ArrivalClock : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public ArrivalClock(LoopbackNode node)
        {
            Node = node.Name;
            _loop = Task.Run(() => WatchAsync(node.Store, node.Changes, _stop.Token));
        }

        public string Node { get; }
        public ConcurrentDictionary<string, long> Arrived { get; } = new(StringComparer.Ordinal);

        private async Task WatchAsync(IStixStore store, Riposte.Federation.Stream.ChangeSignal changes, CancellationToken stop)
        {
            long after = 0;
            while (!stop.IsCancellationRequested)
            {
                var change = changes.NextChange;
                var now = Stopwatch.GetTimestamp();
                foreach (var stored in store.Query(new StixQuery { CollectionId = Mesh.Shared, AfterSequence = after, Versions = VersionFilter.All }))
                {
                    Arrived.TryAdd(stored.Object.Id, now);
                    after = stored.Sequence;
                }
                await Task.WhenAny(change, Task.Delay(1_000, stop));
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _loop.Wait();
            }
            catch (AggregateException)
            {
            }
            _stop.Dispose();
        }
    }
}
