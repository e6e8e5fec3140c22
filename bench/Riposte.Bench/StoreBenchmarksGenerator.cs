using System.Globalization;
using System.Text.Json;
using Riposte.Stix.Json;

namespace Riposte.Bench;

/// <summary>
/// Writes a realistic mixed bundle straight to a stream: identities, DISARM-style attack-patterns with
/// external references, indicators, relationships between them and notes with long descriptions, about
/// 500 bytes per object on average, with one object in twenty getting a second version. Deterministic
/// for a given seed, and streamed, so a 1 GB bundle costs no memory to make.
/// </summary>
public static class StoreBenchmarksGenerator
{
    private static readonly string[] Words =
    [
        "narrative", "Kyiv", "election", "network", "amplification", "inauthentic", "channel", "telegram", "outlet",
        "doppelganger", "mirror", "domain", "campaign", "coordinated", "accounts", "video", "forged", "ministry",
        "sanctions", "energy", "refugees", "protest", "Brussels", "Chișinău", "Tbilisi", "Warszawa", "bots", "likes",
    ];

    public static string Id(string type, long n) =>
        string.Create(CultureInfo.InvariantCulture, $"{type}--{(uint)(n * 2654435761L):x8}-{(ushort)(n >> 32):x4}-4{n % 4096:x3}-8{(n / 4096) % 4096:x3}-{n:x12}");

    /// <summary>Writes <paramref name="count"/> objects as one bundle.</summary>
    public static void WriteBundle(Stream output, int count, int seed = 42)
    {
        using var bundle = new StixBundleWriter(output, "bundle--00000000-0000-4000-8000-000000000042");
        foreach (var obj in Objects(count, seed))
            bundle.Write(obj);
        bundle.Complete();
    }

    /// <summary>The objects one by one (each a new <see cref="Riposte.Stix.StixObject"/>).</summary>
    public static IEnumerable<Riposte.Stix.StixObject> Objects(int count, int seed = 42)
    {
        var random = new Random(seed);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        for (long n = 1; n <= count; n++)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, StixBundleWriter.WriterOptions))
            {
                var version = n % 20 == 0 && n > 20 ? 2 : 1;
                var number = version == 2 ? n - 17 : n; // the second version re-issues an earlier indicator
                WriteObject(writer, random, number, (int)(number % 10), version);
            }
            var bytes = buffer.WrittenSpan.ToArray();
            yield return new Riposte.Stix.StixObject((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(bytes)!, bytes);
        }
    }

    private static void WriteObject(Utf8JsonWriter w, Random random, long n, int kind, int version)
    {
        var (type, created) = kind switch
        {
            0 => ("identity", Time(n, 0)),
            1 or 2 => ("attack-pattern", Time(n, 0)),
            3 or 4 or 5 => ("indicator", Time(n, 0)),
            6 or 7 or 8 => ("relationship", Time(n, 0)),
            _ => ("note", Time(n, 0)),
        };
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", Id(type, n));
        w.WriteString("created", created);
        w.WriteString("modified", Time(n, version - 1));
        w.WriteString("created_by_ref", Id("identity", 10 * (n % 50)));
        w.WriteStartArray("object_marking_refs");
        w.WriteStringValue(n % 3 == 0 ? "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed" : "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
        w.WriteEndArray();
        switch (type)
        {
            case "identity":
                w.WriteString("name", $"{Pick(random)} {Pick(random)} media group {n}");
                w.WriteString("identity_class", "organization");
                w.WriteString("description", Sentence(random, 15));
                break;
            case "attack-pattern":
                w.WriteString("name", $"{Pick(random)} {Pick(random)} technique {n}");
                w.WriteString("description", Sentence(random, 25));
                w.WriteStartArray("external_references");
                w.WriteStartObject();
                w.WriteString("source_name", "DISARM");
                w.WriteString("external_id", string.Create(CultureInfo.InvariantCulture, $"T{n % 200:0000}.{n % 7:000}"));
                w.WriteString("url", string.Create(CultureInfo.InvariantCulture, $"https://disarmframework.herokuapp.com/technique/{n}"));
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            case "indicator":
                w.WriteString("name", $"{Pick(random)} domain {n}");
                w.WriteString("pattern", string.Create(CultureInfo.InvariantCulture, $"[domain-name:value = '{Pick(random).ToLowerInvariant()}-{n}.example']"));
                w.WriteString("pattern_type", "stix");
                w.WriteString("valid_from", created);
                w.WriteStartArray("labels");
                w.WriteStringValue("fimi");
                w.WriteStringValue(Pick(random).ToLowerInvariant());
                w.WriteEndArray();
                break;
            case "relationship":
                w.WriteString("relationship_type", "indicates");
                w.WriteString("source_ref", Id("indicator", n - n % 10 + 3));
                w.WriteString("target_ref", Id("attack-pattern", n - n % 10 + 1));
                w.WriteString("description", Sentence(random, 10));
                break;
            default:
                w.WriteString("abstract", Sentence(random, 6));
                w.WriteString("content", Sentence(random, 120));
                w.WriteStartArray("object_refs");
                w.WriteStringValue(Id("indicator", n - n % 10 + 3));
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static string Time(long n, int version) =>
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(n).AddDays(version).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Pick(Random random) => Words[random.Next(Words.Length)];

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(random))) + ".";
}
