using BenchmarkDotNet.Attributes;
using Riposte.Storage.Sqlite;
using Riposte.Taxonomy;
using Riposte.Taxonomy.Stix;

namespace Riposte.Bench;

/// <summary>
/// DISARM taxonomy costs: reading the embedded framework (start-up), building its STIX, lookups and name
/// search (interactive tagging), and loading it into a SQLite store (first start, then every restart).
/// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*Disarm*'
/// </summary>
[MemoryDiagnoser]
public class DisarmBenchmarks
{
    private DisarmFramework _framework = null!;
    private string _folder = "";
    private SqliteStixStore _loadedStore = null!;

    [GlobalSetup]
    public void Setup()
    {
        _framework = DisarmFramework.Load(DisarmDataSource.Embedded);
        _folder = Path.Combine(Path.GetTempPath(), "riposte-bench-disarm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _loadedStore = new SqliteStixStore(Path.Combine(_folder, "loaded.db"));
        _loadedStore.Migrate();
        DisarmLoader.LoadInto(_loadedStore, _framework);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _loadedStore.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public DisarmFramework LoadEmbedded() => DisarmFramework.Load(DisarmDataSource.Embedded);

    [Benchmark]
    public int BuildStix() => DisarmStix.AllObjects(_framework).Count;

    [Benchmark]
    public IDisarmItem? FindById() => _framework.Find("t0049.003");

    [Benchmark]
    public int SearchByName() => _framework.SearchByName("amplify").Count;

    /// <summary>First start: 1,230 objects into an empty store.</summary>
    [Benchmark]
    public int LoadIntoEmptySqliteStore()
    {
        using var store = new SqliteStixStore(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));
        store.Migrate();
        return DisarmLoader.LoadInto(store, _framework).Added;
    }

    /// <summary>Every restart: the same objects again, all reported unchanged.</summary>
    [Benchmark]
    public int ReloadIntoLoadedSqliteStore() => DisarmLoader.LoadInto(_loadedStore, _framework).Unchanged;
}
