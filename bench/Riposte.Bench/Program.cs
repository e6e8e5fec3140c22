using BenchmarkDotNet.Running;

namespace Riposte.Bench;

/// <summary>
/// BenchmarkDotNet suites: <c>dotnet run -c Release --project bench/Riposte.Bench -- --filter '*Import*'</c>.
/// One-process measurements for a loaded machine, where BenchmarkDotNet's own build can time out:
/// <c>dotnet run -c Release --project bench/Riposte.Bench -- quick store|store-stages|ingest|taxii|taxii-post|federation|report|detect|ui|pg-bulk|replicas|replicas-serve [args]</c>. See docs/benchmarks.md.
/// </summary>
public static class BenchmarkProgram
{
    private static readonly Dictionary<string, Action<string[]>> Quick = new(StringComparer.Ordinal)
    {
        ["store"] = StoreBenchmarksQuick.Run,
        ["store-stages"] = StoreStagesQuick.Run,
        ["ingest"] = IngestBenchmarksQuick.Run,
        ["taxii"] = TaxiiBenchmarksQuick.Run,
        ["taxii-post"] = TaxiiBenchmarksQuick.RunPostOnly,
        ["federation"] = FederationBenchmarksQuick.Run,
        ["report"] = ReportBenchmarksQuick.Run,
        ["detect"] = DetectBenchmarksQuick.Run,
        ["ui"] = UiBenchmarksQuick.Run,
        ["pg-bulk"] = PostgresBulkWriteQuick.Run,
        ["replicas"] = ReplicaBenchmarksQuick.Run,
        ["replicas-serve"] = ReplicasBenchmarksQuick.Run,
    };

    public static int Main(string[] args)
    {
        if (args is ["quick", var name, .. var rest])
        {
            if (!Quick.TryGetValue(name, out var run))
            {
                Console.Error.WriteLine($"unknown quick benchmark '{name}'; choose one of: {string.Join(", ", Quick.Keys)}");
                return 2;
            }
            run(rest);
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
