using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Cli;
using Riposte.Cli.Seeding;
using Riposte.Reports;
using Riposte.Storage;
using Riposte.Web;

namespace Riposte.Bench;

/// <summary>A node seeded with the demo data set, for the annual report measurements.</summary>
internal sealed class ReportBenchNode : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public ReportBenchNode(int incidents, TimeSpan? seedTime = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "riposte-report-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var db = Path.Combine(Folder, "store.db");
        Store = StoreSession.Open(db);
        BuiltIns.Load(Store);
        _services = NodeServices.BuildForCommandLine(db, Store);
        _scope = _services.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        var data = DemoSeedGenerator.Generate(new DemoSeedOptions(incidents, 2026, 7));
        Seeded = DemoSeeder.SeedAsync(Store, Get<OrganizationService>(), data).GetAwaiter().GetResult().Added;
        SeedTime = watch.Elapsed;
    }

    public string Folder { get; }
    public IStixStore Store { get; }
    public long Seeded { get; }
    public TimeSpan SeedTime { get; }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public Task<AnnualReportResult> BuildAsync(ReportEdition edition, bool pdf, string outDir) =>
        new AnnualReportBuilder(Store, Get<IAccessGate>(), Get<OrganizationService>())
            .BuildAsync(new AnnualReportRequest(2026, edition, Principal.System, Pdf: pdf), outDir);

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>The whole annual report (PDF included) over 10,000 seeded incidents; goal &lt;= 30 s.</summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private ReportBenchNode _node = default!;

    [Params(10_000)]
    public int Incidents { get; set; }

    [GlobalSetup]
    public void Setup() => _node = new ReportBenchNode(Incidents);

    [GlobalCleanup]
    public void Cleanup() => _node.Dispose();

    [Benchmark]
    public Task<AnnualReportResult> MembersEditionWithPdf() => _node.BuildAsync(ReportEdition.Members, pdf: true, Path.Combine(_node.Folder, "members"));

    [Benchmark]
    public Task<AnnualReportResult> PublicEditionWithPdf() => _node.BuildAsync(ReportEdition.Public, pdf: true, Path.Combine(_node.Folder, "public"));
}

/// <summary>
/// <c>quick report [incidents = 10000] [runs = 3]</c>: seeds the demo data set once, then builds the
/// members' and the public edition (PDF included) several times and prints each run and the medians.
/// </summary>
public static class ReportBenchmarksQuick
{
    public static void Run(string[] args)
    {
        var incidents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        using var node = new ReportBenchNode(incidents);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {incidents:N0} incidents (+ previous year): {node.Seeded:N0} objects in {node.SeedTime.TotalSeconds:N1} s"));
        foreach (var edition in new[] { ReportEdition.Members, ReportEdition.Public })
        {
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var result = node.BuildAsync(edition, pdf: true, Path.Combine(node.Folder, $"{edition}-{run}")).GetAwaiter().GetResult();
                times.Add(watch.Elapsed.TotalSeconds);
                foreach (var warning in result.Warnings)
                    Console.WriteLine("warning: " + warning);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{edition} edition run {run + 1}: {result.Files.Count} files in {watch.Elapsed.TotalSeconds:N1} s"));
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{edition} edition, {incidents:N0} incidents, PDF included: median {times[times.Count / 2]:N1} s over {runs} runs (goal <= 30 s)"));
        }
    }
}
