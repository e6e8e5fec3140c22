using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Access.Directory;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite;
using Riposte.Storage.Sqlite.Access;

namespace Riposte.Bench;

/// <summary>
/// The access gate over one TAXII page of 1,000 objects (goal: well under 30 ms per page, the whole
/// TAXII budget). A fresh gate per page, as per request, so referenced objects are looked up cold
/// from a real SQLite store.
/// dotnet run -c Release --project bench/Riposte.Bench -- --filter '*AccessGate*' --job short
/// </summary>
[MemoryDiagnoser]
public class AccessGateBenchmark
{
    private const string NodeOrg = "identity--00000000-0000-4000-8000-000000000001";
    private static readonly string[] Orgs = [.. Enumerable.Range(2, 6).Select(i => $"identity--00000000-0000-4000-8000-{i:D12}")];
    private static readonly TlpLevel[] Levels = [TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red];

    private string _folder = "";
    private SqliteStixStore _store = null!;
    private AccessDirectory _directory = null!;
    private IOptions<AccessOptions> _options = null!;
    private IAuditLog _audit = null!;
    private StixObject[] _plain = [];
    private StixObject[] _mixed = [];
    private StixObject[] _coldReferences = [];
    private readonly Principal _reader = new("user--bench", Orgs[1], Role.Analyst);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "riposte-bench-access-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_folder);
        var repositories = SqliteAccessRepositories.ForFile(Path.Combine(_folder, "access.db"));
        repositories.Migrate();
        _options = Options.Create(new AccessOptions { NodeOrganizationId = NodeOrg });
        _directory = new AccessDirectory(repositories, _options, TimeProvider.System);
        _audit = new AuditLog(repositories, TimeProvider.System);
        foreach (var (org, i) in Orgs.Prepend(NodeOrg).Select((o, i) => (o, i)))
            repositories.Organizations.Add(new OrganizationRecord(org, "org " + i, (TrustTier)(i % 3), DateTimeOffset.UnixEpoch));
        repositories.Organizations.AddClient(Orgs[0], Orgs[1]);

        _store = new SqliteStixStore(Path.Combine(_folder, "store.db"));
        _store.Migrate();
        var sdos = Enumerable.Range(0, 1000).Select(Sdo).ToArray();
        _store.Put(sdos);
        _plain = sdos;

        // 700 SDOs, 200 relationships between them, 100 reports of 5 refs each.
        var random = new Random(7);
        var relationships = Enumerable.Range(0, 200).Select(i => Relationship(i, sdos[random.Next(700)].Id, sdos[random.Next(700)].Id));
        var reports = Enumerable.Range(0, 100).Select(i => Report(i, [.. Enumerable.Range(0, 5).Select(_ => sdos[random.Next(700)].Id)]));
        _mixed = [.. sdos.Take(700), .. relationships, .. reports];

        // 700 SDOs, and 300 relationships/reports pointing at objects of other pages (looked up in the store).
        var outside = sdos.Skip(700).ToArray();
        var coldRelationships = Enumerable.Range(0, 200).Select(i => Relationship(i, outside[random.Next(300)].Id, outside[random.Next(300)].Id));
        var coldReports = Enumerable.Range(0, 100).Select(i => Report(i, [.. Enumerable.Range(0, 5).Select(_ => outside[random.Next(300)].Id)]));
        _coldReferences = [.. sdos.Take(700), .. coldRelationships, .. coldReports];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int PageOf1000_NoReferences() => Page(_plain);

    [Benchmark]
    public int PageOf1000_Mixed() => Page(_mixed);

    [Benchmark]
    public int PageOf1000_MixedBatch() => NewGate().ForReader(_reader, _mixed).Count(o => o is not null);

    [Benchmark]
    public int PageOf1000_ColdReferences() => Page(_coldReferences);

    [Benchmark]
    public int PageOf1000_ColdReferencesBatch() => NewGate().ForReader(_reader, _coldReferences).Count(o => o is not null);

    private int Page(StixObject[] objects)
    {
        var gate = NewGate();
        var shown = 0;
        foreach (var obj in objects)
        {
            if (gate.ForReader(_reader, obj) is not null)
                shown++;
        }
        return shown;
    }

    private AccessGate NewGate() => new(_store, _directory, _options, _audit, new AccessRequestContext());

    private static StixObject Sdo(int i) => new(new JsonObject
    {
        ["type"] = "threat-actor",
        ["spec_version"] = "2.1",
        ["id"] = $"threat-actor--{Guid.NewGuid():D}",
        ["created"] = "2026-01-01T00:00:00.000Z",
        ["modified"] = "2026-01-01T00:00:00.000Z",
        ["created_by_ref"] = Orgs[i % Orgs.Length],
        ["name"] = "actor " + i,
        ["description"] = "a description long enough to look like one " + i,
        ["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(Levels[i % Levels.Length])),
    });

    private static StixObject Relationship(int i, string source, string target)
    {
        var json = Sdo(i).Json;
        json["type"] = "relationship";
        json["id"] = $"relationship--{Guid.NewGuid():D}";
        json["relationship_type"] = "uses";
        json["source_ref"] = source;
        json["target_ref"] = target;
        return new StixObject(json);
    }

    private static StixObject Report(int i, string[] refs)
    {
        var json = Sdo(i).Json;
        json["type"] = "report";
        json["id"] = $"report--{Guid.NewGuid():D}";
        json["published"] = "2026-01-01T00:00:00.000Z";
        json["object_refs"] = new JsonArray([.. refs.Select(r => (JsonNode)r)]);
        return new StixObject(json);
    }
}
