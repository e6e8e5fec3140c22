using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Riposte.Analytics.Ingest;
using Riposte.Analytics.Posts;
using Riposte.Detection;

namespace Riposte.Bench;

/// <summary>
/// Coordination detection over a loaded generator corpus (default 1M posts, seed 20240301).
/// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*DetectBenchmarks*'
/// RIPOSTE_BENCH_POSTS=/path/posts.ndjson picks another corpus; otherwise gen_posts.py writes one
/// to the temp folder (python3 and ../shared/tools needed).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class DetectBenchmarks
{
    private List<Post> _posts = [];

    [Params("1m")]
    public string Scale { get; set; } = "1m";

    [GlobalSetup]
    public void LoadPosts()
    {
        var path = Environment.GetEnvironmentVariable("RIPOSTE_BENCH_POSTS") is { Length: > 0 } p ? p : Generate(Scale);
        using var stream = File.OpenRead(path);
        _posts = [.. PostFormats.ByName("microblog").Read(stream, path).Where(r => r.Kind == RecordKind.Post).Select(r => r.Post!)];
    }

    /// <summary>Interning, every signal, the graph, Louvain and scoring.</summary>
    [Benchmark]
    public int Detect() => new CoordinationDetector().Detect(_posts).Clusters.Count;

    private static string Generate(string scale)
    {
        var dir = Path.Combine(Path.GetTempPath(), "riposte-bench-posts-" + scale + "-20240301");
        var file = Path.Combine(dir, "posts.ndjson");
        if (File.Exists(file))
            return file;
        var script = FindGenerator();
        var start = new ProcessStartInfo("python3") { ArgumentList = { script, "--scale", scale, "--seed", "20240301", "--out", dir } };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start python3 to run gen_posts.py");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"gen_posts.py exited with {process.ExitCode}"));
        return file;
    }

    private static string FindGenerator()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "tools", "gen_posts.py");
            if (File.Exists(Path.Combine(dir.FullName, "Riposte.slnx")) && File.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException("gen_posts.py not found in ../shared/tools beside the repository; set RIPOSTE_BENCH_POSTS");
    }
}
