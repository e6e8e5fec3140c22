using System.Text.Json.Nodes;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Cli.Seeding;

/// <summary>Builds the JSON of seeded objects directly (the importer validates them on the way in).</summary>
internal static class SeedObjects
{
    /// <summary>The TLP levels in the share the seed gives them: most of the work is shared widely, some is held close.</summary>
    public static readonly string[] Tlps = ["clear", "green", "amber", "amber+strict", "red"];
    public static readonly double[] TlpWeights = [0.32, 0.30, 0.20, 0.10, 0.08];

    /// <summary>An organisation's id is derived from its name, so every seed (and every node) agrees on it.</summary>
    public static string OrganisationId(string name) => StixIds.Create("identity", Uuid5.Create(Uuid5.StixNamespace, "riposte-demo-organisation:" + name));

    public static JsonObject Sdo(string type, string id, DateTimeOffset created, string? createdBy, string tlp)
    {
        var stamp = SeedRandom.Timestamp(created);
        var json = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = stamp,
            ["modified"] = stamp,
        };
        if (createdBy is not null)
            json["created_by_ref"] = createdBy;
        json["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(TlpMarkings.FromTlp2Value(tlp) ?? throw new ArgumentException($"unknown TLP {tlp}", nameof(tlp))));
        return json;
    }

    public static JsonObject Relationship(SeedRandom random, string type, string source, string target, DateTimeOffset created, string? createdBy, string tlp)
    {
        var json = Sdo("relationship", random.Id("relationship"), created, createdBy, tlp);
        json["relationship_type"] = type;
        json["source_ref"] = source;
        json["target_ref"] = target;
        return json;
    }

    public static void NewSdo(JsonObject json, string definitionId) =>
        json["extensions"] = new JsonObject { [definitionId] = new JsonObject { ["extension_type"] = RiposteExtensions.NewSdo } };

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    public static StixObject Object(JsonObject json) => new(json);
}
