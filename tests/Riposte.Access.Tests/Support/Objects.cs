using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Access.Tests.Support;

/// <summary>Builds the STIX objects the tests need.</summary>
internal static class Objects
{
    private static int _counter;

    public static string NewId(string type) => $"{type}--{Guid.NewGuid():D}";

    /// <summary>An indicator-like SDO created by <paramref name="creator"/>, marked with <paramref name="level"/> (null: unmarked).</summary>
    public static StixObject Sdo(string creator, TlpLevel? level, string type = "threat-actor", params string[] recipients)
    {
        var json = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = NewId(type),
            ["created"] = "2026-01-01T00:00:00.000Z",
            ["modified"] = "2026-01-01T00:00:00.000Z",
            ["created_by_ref"] = creator,
            ["name"] = "object " + Interlocked.Increment(ref _counter),
        };
        if (level is { } l)
            json["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(l));
        if (recipients.Length > 0)
            json["extensions"] = RecipientsExtension.ExtensionsProperty(recipients);
        return new StixObject(json);
    }

    public static StixObject With(this StixObject obj, string property, JsonNode? value)
    {
        var copy = (JsonObject)obj.Json.DeepClone();
        copy[property] = value;
        return new StixObject(copy);
    }

    public static StixObject Relationship(string creator, TlpLevel level, string source, string target) =>
        Sdo(creator, level, "relationship")
            .With("relationship_type", "uses")
            .With("source_ref", source)
            .With("target_ref", target);

    public static StixObject Report(string creator, TlpLevel level, params string[] refs) =>
        Sdo(creator, level, "report")
            .With("published", "2026-01-01T00:00:00.000Z")
            .With("object_refs", new JsonArray([.. refs.Select(r => (JsonNode)r)]));

    public static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)v)]);

    public static JsonObject Granular(string markingRef, params string[] selectors) =>
        new() { ["marking_ref"] = markingRef, ["selectors"] = Strings(selectors) };
}
