using System.Text.Json.Nodes;
using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Testing;

namespace Riposte.Storage.Tests;

/// <summary>
/// The single-pass <see cref="IndexTerms.From"/> must index exactly what the plain definition below says,
/// for every object of the OASIS examples and DISARM: which terms, in which order.
/// </summary>
public sealed class IndexTermsEquivalenceTests
{
    public static TheoryData<string> Files() =>
    [
        .. Directory.EnumerateFiles(TestPaths.SharedFile("data", "stix2-json-schemas", "examples"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.Shared, f)),
        Path.Combine("data", "disarm", "DISARM.json"),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void From_EveryObjectOfSharedData_MatchesTheDefinition(string file)
    {
        using var stream = File.OpenRead(Path.Combine(TestPaths.Shared, file));
        var objects = StixBundleReader.Read(stream).Where(i => i.Object is not null).Select(i => i.Object!).ToList();

        Assert.NotEmpty(objects);
        foreach (var obj in objects)
        {
            var actual = IndexTerms.From(obj);
            var expected = Definition(obj);
            Assert.Equal(expected.Markings, actual.Markings);
            Assert.Equal(expected.Labels, actual.Labels);
            Assert.Equal(expected.ExternalIds, actual.ExternalIds);
            Assert.Equal(expected.References, actual.References);
            Assert.Equal((expected.Name, expected.Description, expected.Other), (actual.Name, actual.Description, actual.OtherText));
        }
    }

    [Fact]
    public void From_OddShapes_IgnoresWhatIsNotText()
    {
        var obj = new StixObject(new JsonObject
        {
            ["type"] = "x-odd",
            ["id"] = "x-odd--00000000-0000-4000-8000-000000000001",
            ["labels"] = new JsonArray("a", 1, null, "b"),
            ["object_marking_refs"] = "not-a-list",
            ["owner_ref"] = 5,
            ["member_refs"] = new JsonArray("identity--00000000-0000-4000-8000-000000000002", true),
            ["external_references"] = new JsonArray(new JsonObject { ["external_id"] = "E1" }, "text"),
            ["value"] = "example.org",
        });

        var terms = IndexTerms.From(obj);

        Assert.Equal(["a", "b"], terms.Labels);
        Assert.Empty(terms.Markings);
        Assert.Equal([new ObjectReference("member_refs", "identity--00000000-0000-4000-8000-000000000002")], terms.References);
        Assert.Equal([new ExternalId("E1", "")], terms.ExternalIds);
        Assert.Equal("example.org", terms.Name);
        Assert.Equal("a b E1", terms.OtherText);
    }

    /// <summary>What is indexed, written as plainly as possible.</summary>
    private static (List<string> Markings, List<string> Labels, List<ExternalId> ExternalIds, List<ObjectReference> References, string? Name, string? Description, string? Other)
        Definition(StixObject obj)
    {
        var externalIds = (obj.Json["external_references"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(o => TextOf(o["external_id"]) is not null)
            .Select(o => new ExternalId(TextOf(o["external_id"])!, TextOf(o["source_name"]) ?? ""))
            .ToList();
        var references = obj.Json.SelectMany(p =>
            p.Key.EndsWith("_ref", StringComparison.Ordinal) ? (TextOf(p.Value) is { } t ? [new ObjectReference(p.Key, t)] : [])
            : p.Key.EndsWith("_refs", StringComparison.Ordinal) && p.Key != "object_marking_refs" && p.Value is JsonArray a
                ? a.Select(TextOf).OfType<string>().Select(t => new ObjectReference(p.Key, t))
                : []).ToList();
        string?[] others =
        [
            .. obj.GetStrings("aliases"), .. obj.Labels, .. externalIds.Select(e => e.Id),
            obj.GetString("abstract"), obj.GetString("explanation"), obj.GetString("x_mitre_shortname"),
        ];
        var other = string.Join(' ', others.OfType<string>());
        return ([.. obj.ObjectMarkingRefs], [.. obj.Labels], externalIds, references,
            obj.Name ?? obj.GetString("value"), obj.Description, other.Length == 0 ? null : other);
    }

    private static string? TextOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
