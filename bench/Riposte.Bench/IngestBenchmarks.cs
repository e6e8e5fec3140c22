using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Riposte.Analytics.Ingest;
using Riposte.Analytics.Posts;
using Riposte.Analytics.Storage;

namespace Riposte.Bench;

/// <summary>
/// Ingest of the generator's posts into the SQLite post store (goal: 1M posts in at most 8 s on 2 cores, well under
/// 2 GB), and streaming them back in created_at order for the detector. Make the data first:
///   python3 ../shared/tools/gen_posts.py --scale 1m --seed 7 --out /tmp/posts-1m
///   RIPOSTE_POSTS=/tmp/posts-1m/posts.ndjson dotnet run -c Release --project bench/Riposte.Bench -- --filter '*IngestBenchmarks*'
/// RIPOSTE_POSTS defaults to /tmp/posts-100k/posts.ndjson. On a busy machine BenchmarkDotNet's own build can time
/// out; <see cref="IngestBenchmarksQuick"/> measures the same paths in one process.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IngestBenchmarks
{
    private string _folder = "";
    private string _posts = "";
    private SqlitePostStore _filled = null!;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _posts = Environment.GetEnvironmentVariable("RIPOSTE_POSTS") is { Length: > 0 } path ? path : "/tmp/posts-100k/posts.ndjson";
        if (!File.Exists(_posts))
            throw new FileNotFoundException($"generate the posts first (python3 ../shared/tools/gen_posts.py --scale 100k --seed 7 --out /tmp/posts-100k), or set RIPOSTE_POSTS", _posts);
        _folder = Directory.CreateTempSubdirectory("riposte-bench-ingest-").FullName;
        _filled = new SqlitePostStore(Path.Combine(_folder, "filled.db"));
        new PostIngestor(_filled).Ingest([_posts]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Parse, normalise, compress evidence and write every post into a new database.</summary>
    [Benchmark]
    public long IngestIntoNewStore()
    {
        var store = new SqlitePostStore(Path.Combine(_folder, $"ingest-{_run++}.db"));
        return new PostIngestor(store).Ingest([_posts]).Added;
    }

    /// <summary>Re-ingest of the same file: every post is found unchanged.</summary>
    [Benchmark]
    public long ReingestUnchanged() => new PostIngestor(_filled).Ingest([_posts]).Unchanged;

    /// <summary>Stream every post back in created_at order, as the detector does.</summary>
    [Benchmark]
    public long ReadAllInTimeOrder()
    {
        long count = 0;
        foreach (var post in _filled.Read(PostFilter.All))
            count += post.Text.Length > 0 ? 1 : 0;
        return count;
    }
}

/// <summary>
/// One-process figures (wall, CPU, peak working set) for ingest, time-ordered read and unchanged re-ingest:
/// <c>IngestBenchmarksQuick.Run(["/tmp/posts-1m/posts.ndjson"])</c> (wire as "ingest-quick [posts.ndjson]").
/// </summary>
public static class IngestBenchmarksQuick
{
    public static void Run(string[] args)
    {
        var posts = args.Length > 0 ? args[0] : "/tmp/posts-1m/posts.ndjson";
        var folder = Directory.CreateTempSubdirectory("riposte-ingest-quick-").FullName;
        try
        {
            var store = new SqlitePostStore(Path.Combine(folder, "posts.db"));
            var ingest = Measure(() => new PostIngestor(store).Ingest([posts]).Added);
            Report("ingest", ingest);
            var read = Measure(() => store.Read(PostFilter.All).LongCount());
            Report("read in created_at order", read);
            var again = Measure(() => new PostIngestor(store).Ingest([posts]).Unchanged);
            Report("re-ingest (unchanged)", again);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"database {new FileInfo(Path.Combine(folder, "posts.db")).Length / 1e6:F0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (long Count, TimeSpan Wall, TimeSpan Cpu) Measure(Func<long> action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var count = action();
        process.Refresh();
        return (count, wall.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static void Report(string what, (long Count, TimeSpan Wall, TimeSpan Cpu) m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {m.Count:N0} posts in {m.Wall.TotalSeconds:F2} s ({m.Count / m.Wall.TotalSeconds:N0}/s), CPU {m.Cpu.TotalSeconds:F2} s"));
}
