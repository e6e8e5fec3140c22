using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Loopback;

/// <summary>STIX objects for the tests: campaigns with a creator, a TLP marking and, when asked, named recipients.</summary>
public static class Objects
{
    public static StixObject Campaign(string creator, TlpLevel level, string name, string[]? recipients = null, string? id = null, string modified = "2026-01-01T00:00:00.000Z")
    {
        var json = new JsonObject
        {
            ["type"] = "campaign",
            ["spec_version"] = "2.1",
            ["id"] = id ?? "campaign--" + Guid.NewGuid().ToString("D"),
            ["created"] = "2026-01-01T00:00:00.000Z",
            ["modified"] = modified,
            ["name"] = name,
            ["created_by_ref"] = creator,
            ["object_marking_refs"] = new JsonArray(TlpMarkings.IdOf(level)),
        };
        if (recipients is { Length: > 0 })
            json["extensions"] = RecipientsExtension.ExtensionsProperty(recipients);
        return new StixObject(json);
    }
}
