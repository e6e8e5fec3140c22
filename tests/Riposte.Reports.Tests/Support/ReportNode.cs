using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Cli;
using Riposte.Cli.Seeding;
using Riposte.Reports;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Web;

namespace Riposte.Reports.Tests.Support;

/// <summary>
/// A node as the command line wires it — SQLite store, access gate, organisations — over a temporary
/// file, holding a seeded data set plus the marker objects of <see cref="Markers"/>.
/// </summary>
public sealed class ReportNode : IDisposable
{
    public const int Year = 2026;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-reports-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public ReportNode(int incidents = 300, int seed = 11)
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "store.db");
        Store = StoreSession.Open(db);
        BuiltIns.Load(Store);
        _services = NodeServices.BuildForCommandLine(db, Store);
        _scope = _services.CreateAsyncScope();
        Seed = DemoSeedGenerator.Generate(new DemoSeedOptions(incidents, Year, seed));
        Summary = DemoSeeder.SeedAsync(Store, Get<OrganizationService>(), Seed).GetAwaiter().GetResult();
        Planted = Markers.Plant(Seed);
        Store.Put(Planted);
    }

    public IStixStore Store { get; }
    public DemoSeedData Seed { get; }
    public Riposte.Storage.Import.ImportSummary Summary { get; }
    public IReadOnlyList<StixObject> Planted { get; }

    /// <summary>The seeded objects and the planted ones: what the independent counts read.</summary>
    public IReadOnlyList<StixObject> AllObjects => [.. Seed.Objects, .. Planted];

    public string Folder(string name) => Path.Combine(_folder, name);

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public AnnualReportBuilder Builder(Func<string?>? chromium = null) =>
        new(Store, Get<IAccessGate>(), Get<OrganizationService>(), chromium);

    public static Principal ReaderOf(string organisationId) => new("user--report-test", organisationId, Role.Reader);

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned later.
        }
    }
}
