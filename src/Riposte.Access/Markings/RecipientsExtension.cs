using System.Text.Json.Nodes;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Access.Markings;

/// <summary>
/// Riposte's property extension naming the recipients of an object: the STIX identity ids of the
/// organisations (or individuals) the source shares it with. It is how TLP:RED names "the
/// participants"; at lower levels it adds the named recipients to the audience.
/// <code>"extensions": { "extension-definition--2f7c…": { "extension_type": "property-extension", "recipients": ["identity--…"] } }</code>
/// </summary>
public static class RecipientsExtension
{
    /// <summary>The fixed id of the extension-definition (never change it: objects in the field carry it).</summary>
    public const string DefinitionId = "extension-definition--2f7c6a1e-54b4-4a39-9d0c-6f3f7b2c9e41";

    /// <summary>The identity that publishes Riposte's extension-definitions.</summary>
    public const string PublisherIdentityId = "identity--7d0d3f1a-2c7e-4c1b-9b57-3e0f1c5a8d22";

    public const string PropertyName = "recipients";

    /// <summary>The extension-definition object to publish alongside objects that use it.</summary>
    public static StixObject Definition() => new(new JsonObject
    {
        ["type"] = "extension-definition",
        ["spec_version"] = "2.1",
        ["id"] = DefinitionId,
        ["created_by_ref"] = PublisherIdentityId,
        ["created"] = "2026-11-29T00:00:00.000Z",
        ["modified"] = "2026-11-29T00:00:00.000Z",
        ["name"] = "Riposte named recipients",
        ["description"] = "Names the recipients (STIX identity ids of organisations or individuals) an object is shared with. "
            + "Required to share TLP:RED: only the source organisation and the named recipients may see a TLP:RED object.",
        ["schema"] = "https://riposte.example/extensions/recipients/v1.json",
        ["version"] = "1.0.0",
        ["extension_types"] = new JsonArray("property-extension"),
        ["object_marking_refs"] = new JsonArray(TlpMarkings.ClearId),
    });

    /// <summary>The recipients named on an object, or an empty list.</summary>
    public static IReadOnlyList<string> Read(StixObject obj)
    {
        if (obj.Json["extensions"] is not JsonObject extensions
            || extensions[DefinitionId] is not JsonObject extension
            || extension[PropertyName] is not JsonArray array)
            return [];
        var recipients = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var id))
                recipients.Add(id);
        }
        return recipients;
    }

    /// <summary>The JSON to put under <c>extensions</c> to name these recipients.</summary>
    public static JsonObject ExtensionsProperty(params string[] recipients)
    {
        var list = new JsonArray();
        foreach (var r in recipients)
            list.Add(r);
        return new JsonObject
        {
            [DefinitionId] = new JsonObject { ["extension_type"] = "property-extension", [PropertyName] = list },
        };
    }
}
