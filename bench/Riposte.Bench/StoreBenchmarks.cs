using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Riposte.Storage;
using Riposte.Storage.Export;
using Riposte.Storage.Import;
using Riposte.Storage.Sqlite;

namespace Riposte.Bench;

/// <summary>
/// The store's three goals: import a 200,000-object (~100 MB) bundle at >= 50,000 objects/s in <= 1 GB,
/// export at >= 100,000 objects/s, look up by id in a 1,000,000-object store in < 1 ms (median).
/// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*StoreBenchmarks*'
/// Quick figures with peak working set (one process, no BenchmarkDotNet):
/// dotnet run -c Release --project bench/Riposte.Bench -- quick store [objects] [lookup-store-objects] [--db postgres://…]
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class StoreBenchmarks
{
    private const int ImportObjects = 200_000;
    private const int LookupStoreObjects = 1_000_000;

    private string _folder = "";
    private string _bundle = "";
    private IStixStore _exportStore = null!;
    private IStixStore _lookupStore = null!;
    private string[] _lookupIds = [];
    private int _next;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("riposte-bench-store-").FullName;
        _bundle = Path.Combine(_folder, "bundle.json");
        using (var file = File.Create(_bundle))
            StoreBenchmarksGenerator.WriteBundle(file, ImportObjects);
        _exportStore = StoreBenchmarksQuick.ImportInto(StoreBenchmarksQuick.Sqlite(Path.Combine(_folder, "export.db")), _bundle).Store;
        _lookupStore = StoreBenchmarksQuick.Fill(StoreBenchmarksQuick.Sqlite(Path.Combine(_folder, "lookup.db")), LookupStoreObjects);
        _lookupIds = StoreBenchmarksQuick.SampleIds(LookupStoreObjects, 10_000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _exportStore.Dispose();
        _lookupStore.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = ImportObjects)]
    public ImportSummary Import()
    {
        var (store, summary) = StoreBenchmarksQuick.ImportInto(StoreBenchmarksQuick.Sqlite(Path.Combine(_folder, $"import-{_run++}.db")), _bundle);
        store.Dispose();
        return summary;
    }

    [Benchmark(OperationsPerInvoke = ImportObjects)]
    public long Export() =>
        new StixExporter(_exportStore).Export(new StixQuery { Versions = VersionFilter.All }, Stream.Null);

    [Benchmark(OperationsPerInvoke = 1_000)]
    public int LookupById()
    {
        var found = 0;
        for (var i = 0; i < 1_000; i++)
            found += _lookupStore.GetLatest(_lookupIds[_next++ % _lookupIds.Length]) is null ? 0 : 1;
        return found;
    }
}

/// <summary>
/// The same three measurements as a plain program, printing rates, medians and peak working set, on SQLite or,
/// with <c>--db postgres://…</c> (see <see cref="BenchStores"/>), on PostgreSQL.
/// </summary>
public static class StoreBenchmarksQuick
{
    public static void Run(string[] args)
    {
        using var stores = BenchStores.FromArgs(args, out args);
        var objects = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var lookupObjects = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("riposte-store-quick-").FullName;
        try
        {
            Console.WriteLine($"store provider: {stores.Provider}");
            var bundle = Path.Combine(folder, "bundle.json");
            var clock = Stopwatch.StartNew();
            using (var file = File.Create(bundle))
                StoreBenchmarksGenerator.WriteBundle(file, objects);
            Console.WriteLine($"generated {objects:N0} objects, {new FileInfo(bundle).Length / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N1} s");

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (store, summary) = ImportInto(stores.Open("import"), bundle);
            using (store)
            {
                // CPU seconds beside wall seconds: on a shared machine the wall clock measures the neighbours too.
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"import: {summary.Added:N0} added, {summary.Rejected:N0} rejected in {summary.Elapsed.TotalSeconds:N2} s = {summary.Added / summary.Elapsed.TotalSeconds:N0} objects/s (CPU {cpu.TotalSeconds:N2} s); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
                foreach (var rejection in summary.Rejections.Take(3))
                    Console.WriteLine("  rejected: " + rejection);

                clock.Restart();
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var exported = new StixExporter(store).Export(new StixQuery { Versions = VersionFilter.All }, Stream.Null);
                Console.WriteLine($"export: {exported:N0} objects in {clock.Elapsed.TotalSeconds:N2} s = {exported / clock.Elapsed.TotalSeconds:N0} objects/s (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:N2} s)");
            }

            StoreStagesQuick.Profile(bundle, 50_000, rounds: 1);
            clock.Restart();
            using var lookupStore = Fill(stores.Open("lookup"), lookupObjects);
            Console.WriteLine($"filled a {lookupObjects:N0}-object store in {clock.Elapsed.TotalSeconds:N1} s");
            var ids = SampleIds(lookupObjects, 20_000);
            var times = new double[ids.Length];
            var missing = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                missing += lookupStore.GetLatest(ids[i]) is null ? 1 : 0;
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(times);
            Console.WriteLine($"lookup by id: median {times[times.Length / 2]:N3} ms, p99 {times[times.Length * 99 / 100]:N3} ms over {ids.Length:N0} look-ups ({missing} missing)");
            Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A migrated SQLite store at <paramref name="path"/>.</summary>
    public static SqliteStixStore Sqlite(string path)
    {
        var store = new SqliteStixStore(path);
        store.Migrate();
        return store;
    }

    public static (IStixStore Store, ImportSummary Summary) ImportInto(IStixStore store, string bundle)
    {
        var summary = new StixImporter(store).ImportFileAsync(bundle).GetAwaiter().GetResult();
        return (store, summary);
    }

    /// <summary>A store of <paramref name="count"/> generated objects, written in batches without the importer.</summary>
    public static IStixStore Fill(IStixStore store, int count)
    {
        foreach (var batch in StoreBenchmarksGenerator.Objects(count).Chunk(10_000))
            store.Put(batch);
        return store;
    }

    public static string[] SampleIds(int storeObjects, int count)
    {
        var random = new Random(7);
        // Every twentieth generated object is a second version of an earlier one, so its own number has no object.
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(1, storeObjects + 1)).Where(n => n <= 20 || n % 20 != 0)
            .Select(n => StoreBenchmarksGenerator.Id(Kind(n), n))];
    }

    private static string Kind(long n) => (n % 10) switch
    {
        0 => "identity",
        1 or 2 => "attack-pattern",
        3 or 4 or 5 => "indicator",
        6 or 7 or 8 => "relationship",
        _ => "note",
    };
}
