using System.Text.Json.Nodes;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Web;

/// <summary>
/// The organisation that runs this node, as a STIX identity in its own store (flagged with
/// <c>x_riposte_node</c>). Created on first start, so a laptop node needs no configuration; a
/// configured <c>Access:NodeOrganizationId</c> takes precedence.
/// </summary>
public static class NodeIdentity
{
    public const string FlagProperty = "x_riposte_node";

    public static string Ensure(IStixStore store, string? name = null)
    {
        foreach (var stored in store.Query(new StixQuery { Types = ["identity"] }))
        {
            if (stored.Object.Json[FlagProperty] is JsonValue flag && flag.TryGetValue<bool>(out var isNode) && isNode)
                return stored.Object.Id;
        }
        var now = StixTimestamp.FromDateTime(DateTimeOffset.UtcNow).Text;
        var id = "identity--" + Guid.NewGuid().ToString("D");
        var identity = new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = now,
            ["modified"] = now,
            ["name"] = name ?? $"Riposte node on {Environment.MachineName}",
            ["identity_class"] = "organization",
            ["object_marking_refs"] = new JsonArray(TlpMarkings.ClearId),
            [FlagProperty] = true,
        };
        store.Put([new StixObject(identity)]);
        return id;
    }
}
