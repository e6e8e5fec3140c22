using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Stix.Markings;

namespace Riposte.Taxii.Tests.Support;

/// <summary>Valid STIX 2.1 objects for the tests, with the marking and creator each test needs.</summary>
internal static class StixFactory
{
    public static string NewId(string type = "attack-pattern") => $"{type}--{Guid.NewGuid()}";

    public static JsonObject AttackPattern(
        string? id = null,
        string modified = "2026-01-01T00:00:00.000Z",
        string? createdBy = null,
        string marking = TlpMarkings.ClearId,
        string created = "2026-01-01T00:00:00.000Z",
        string[]? recipients = null,
        string name = "Amplification through inauthentic accounts")
    {
        var json = new JsonObject
        {
            ["type"] = "attack-pattern",
            ["spec_version"] = "2.1",
            ["id"] = id ?? NewId(),
            ["created"] = created,
            ["modified"] = modified,
            ["name"] = name,
            ["object_marking_refs"] = new JsonArray(marking),
        };
        if (createdBy is not null)
            json["created_by_ref"] = createdBy;
        if (recipients is not null)
            json["extensions"] = RecipientsExtension.ExtensionsProperty(recipients);
        return json;
    }

    public static JsonObject Campaign(string? id = null, string? createdBy = null, string marking = TlpMarkings.ClearId) => new()
    {
        ["type"] = "campaign",
        ["spec_version"] = "2.1",
        ["id"] = id ?? NewId("campaign"),
        ["created"] = "2026-02-01T00:00:00.000Z",
        ["modified"] = "2026-02-01T00:00:00.000Z",
        ["name"] = "Operation Doppelganger",
        ["created_by_ref"] = createdBy,
        ["object_marking_refs"] = new JsonArray(marking),
    };

    public static JsonObject Envelope(params JsonNode[] objects) => new() { ["objects"] = new JsonArray(objects) };
}
