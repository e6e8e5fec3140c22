using System.Diagnostics;
using System.Globalization;
using Riposte.Analytics.Posts;
using Riposte.Analytics.Storage;
using Riposte.Detection;
using Riposte.Detection.Output;

namespace Riposte.Bench;

/// <summary>
/// One-process figures for detection over an ingested store, as <c>riposte detect</c> runs it (posts streamed from
/// SQLite into the detector): wall, CPU, each stage's time, allocations, garbage collections and peak working set,
/// plus a once-a-second timeline of working set and managed heap (to see which stage holds the memory).
/// <c>quick detect DB [OUT]</c>: make DB with <c>riposte --db DB ingest posts.ndjson</c>; OUT receives the four
/// output files for score_cib.py.
/// </summary>
public static class DetectBenchmarksQuick
{
    public static void Run(string[] args)
    {
        if (args.Length == 0)
            throw new ArgumentException("usage: quick detect DB [OUT] (ingest first: riposte --db DB ingest posts.ndjson)");
        var db = args[0];
        if (!File.Exists(db))
            throw new FileNotFoundException("no such database; ingest first: riposte --db DB ingest posts.ndjson", db);
        var output = args.Length > 1 ? args[1] : null;

        using var timeline = new MemoryTimeline(TimeSpan.FromSeconds(1));
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        var result = new CoordinationDetector().Detect(new SqlitePostStore(db).Read(PostFilter.All));
        var detected = wall.Elapsed;
        if (output is not null)
            DetectionOutputWriter.WriteAll(output, result, DateTimeOffset.UtcNow);
        var total = wall.Elapsed;
        process.Refresh();
        timeline.Stop();

        var s = result.Statistics;
        Console.WriteLine(Invariant($"{s.Posts:N0} posts, {s.Accounts:N0} accounts, {result.Clusters.Count:N0} clusters, {result.Clusters.Sum(c => c.Members.Count):N0} flagged accounts"));
        Console.WriteLine(Invariant($"detect {detected.TotalSeconds:F1} s wall (with outputs {total.TotalSeconds:F1} s), CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s"));
        foreach (var (stage, time) in s.Timings.OrderBy(t => t.Key, StringComparer.Ordinal))
            Console.WriteLine(Invariant($"  {stage,-28} {time.TotalSeconds,7:F2} s"));
        foreach (var (kind, pairs) in s.PairsPerSignal)
            Console.WriteLine(Invariant($"  pairs {kind,-22} {pairs,12:N0}"));
        Console.WriteLine(Invariant($"graph {s.GraphNodes:N0} nodes, {s.GraphEdges:N0} edges"));
        Console.WriteLine(Invariant(
            $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e9:F2} GB; GCs gen0 {GC.CollectionCount(0) - collections.Item1}, gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB"));
        Console.WriteLine("timeline (s: working set MB / managed heap MB):");
        Console.WriteLine(string.Join(' ', timeline.Samples.Select(x => Invariant($"{x.At.TotalSeconds:F0}:{x.WorkingSet / 1e6:F0}/{x.Heap / 1e6:F0}"))));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Samples the working set and managed heap on a timer until stopped.</summary>
    private sealed class MemoryTimeline : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Timer _timer;
        private readonly List<(TimeSpan At, long WorkingSet, long Heap)> _samples = [];

        public MemoryTimeline(TimeSpan every) => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, every);

        public IReadOnlyList<(TimeSpan At, long WorkingSet, long Heap)> Samples
        {
            get
            {
                lock (_samples)
                    return [.. _samples];
            }
        }

        public void Stop() => _timer.Change(Timeout.Infinite, Timeout.Infinite);

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            var sample = (_clock.Elapsed, process.WorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
            lock (_samples)
                _samples.Add(sample);
        }
    }
}
