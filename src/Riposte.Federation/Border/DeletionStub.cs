using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Stix;

namespace Riposte.Federation.Border;

/// <summary>
/// A deleted version reduced to what the access gate and the border read to decide who may see it, so a
/// deletion is shown to exactly the readers the version was: its identity and versioning, creator,
/// object and granular markings, the recipients it names, and the references whose invisibility hides an
/// object (a relationship's endpoints, a sighting's). Nothing else: a deletion event tells a reader that
/// a version it could see is gone, never what it said.
/// </summary>
public static class DeletionStub
{
    private static readonly string[] Kept = ["type", "spec_version", "id", "created", "modified", "created_by_ref", "object_marking_refs", "granular_markings"];

    /// <summary>The stub of a version about to be deleted.</summary>
    public static StixObject Of(StixObject deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var source = deleted.Json;
        var stub = new JsonObject();
        foreach (var property in Kept.Concat(ReferenceProperties.HidingSingle(deleted.Type)).Concat(ReferenceProperties.HidingLists(deleted.Type)))
        {
            if (source[property] is { } value)
                stub[property] = value.DeepClone();
        }
        var recipients = RecipientsExtension.Read(deleted);
        if (recipients.Count > 0)
            stub["extensions"] = RecipientsExtension.ExtensionsProperty([.. recipients]);
        return new StixObject(stub);
    }

    /// <summary>The stub as kept in the change log: compact JSON.</summary>
    public static string Text(StixObject stub) => stub.ToJson();

    /// <summary>A stub read back from the change log; null when there is none or it is not a JSON object (judged as no stub: withheld).</summary>
    public static StixObject? Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        try
        {
            return JsonNode.Parse(text) is JsonObject json ? new StixObject(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
