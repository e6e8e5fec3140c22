using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Storage.Tests;

/// <summary>Valid STIX 2.1 objects for tests, with predictable ids.</summary>
internal static class StixSamples
{
    public const string Creator = "identity--00000001-0000-4000-8000-000000000000";
    public const string TlpGreen = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string TlpRed = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    public static string Id(string type, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{type}--{n:x8}-0000-4000-8000-000000000000");

    public static string Time(int day, int hour = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"2024-01-{day:00}T{hour:00}:00:00.000Z");

    public static JsonObject Common(string type, int n, string modified, string? created = null) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = Id(type, n),
        ["created"] = created ?? Time(1),
        ["modified"] = modified,
    };

    public static StixObject Identity(int n, string name, string modified = "2024-01-01T00:00:00.000Z")
    {
        var json = Common("identity", n, modified);
        json["name"] = name;
        json["identity_class"] = "organization";
        return new StixObject(json);
    }

    public static StixObject Indicator(int n, string modified = "2024-01-01T00:00:00.000Z", string name = "bad domain",
        string? creator = null, string[]? markings = null, string[]? labels = null, string? description = null)
    {
        var json = Common("indicator", n, modified);
        json["name"] = name;
        if (description is not null)
            json["description"] = description;
        json["pattern"] = $"[domain-name:value = 'bad{n}.example']";
        json["pattern_type"] = "stix";
        json["valid_from"] = Time(1);
        if (creator is not null)
            json["created_by_ref"] = creator;
        if (markings is not null)
            json["object_marking_refs"] = new JsonArray([.. markings.Select(m => JsonValue.Create(m))]);
        if (labels is not null)
            json["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]);
        return new StixObject(json);
    }

    public static StixObject AttackPattern(int n, string name, string externalId)
    {
        var json = Common("attack-pattern", n, Time(1));
        json["name"] = name;
        json["external_references"] = new JsonArray(new JsonObject
        {
            ["source_name"] = "DISARM",
            ["external_id"] = externalId,
            ["url"] = $"https://disarmframework.herokuapp.com/technique/{externalId}",
        });
        return new StixObject(json);
    }

    public static StixObject Relationship(int n, string source, string target, string type = "indicates", string modified = "2024-01-01T00:00:00.000Z")
    {
        var json = Common("relationship", n, modified);
        json["relationship_type"] = type;
        json["source_ref"] = source;
        json["target_ref"] = target;
        return new StixObject(json);
    }

    public static string Bundle(params StixObject[] objects)
    {
        var text = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000001\",\"objects\":[\n");
        text.AppendJoin(",\n", objects.Select(o => o.ToJson()));
        return text.Append("\n]}").ToString();
    }

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}

/// <summary>A SQLite store in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly bool _ownsFolder;

    /// <param name="folder">Where to put the file; by default a new temporary folder this deletes on dispose.</param>
    public TempStore(TimeProvider? clock = null, string? folder = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("riposte-store-").FullName;
        Path = System.IO.Path.Combine(Folder, "store.db");
        Store = new Sqlite.SqliteStixStore(Path, clock);
        Store.Migrate();
    }

    public string Folder { get; }
    public string Path { get; }
    public Sqlite.SqliteStixStore Store { get; private set; }

    public Sqlite.SqliteStixStore Reopen()
    {
        Store.Dispose();
        Store = new Sqlite.SqliteStixStore(Path);
        Store.Migrate();
        return Store;
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsFolder)
            return;
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader the test leaked may still hold the file; the OS temp cleaner gets it.
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
