using System.Text.Json.Nodes;
using Riposte.Incidents.Model;
using Riposte.Stix;

namespace Riposte.Incidents.Services;

/// <summary>Who made one version of an object and what they changed, as the edit extension records it.</summary>
public sealed record EditRecord(string Version, string EditedBy, string? EditedByOrganization, string Change, IReadOnlyList<string> Changed)
{
    public static EditRecord Of(StixObject obj)
    {
        var version = obj.Version?.Text ?? "";
        var ext = RiposteExtensions.Read(obj, RiposteExtensions.EditId);
        if (ext is null)
            return new EditRecord(version, "unknown", null, "(made outside Riposte)", []);
        var changed = ext["changed"] is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? "").ToList() : [];
        return new EditRecord(version, Text(ext["edited_by"]) ?? "unknown", Text(ext["edited_by_organization"]), Text(ext["change"]) ?? "", changed);
    }

    /// <summary>Properties whose value differs between two versions; extension properties are named by their own name.</summary>
    public static IReadOnlyList<string> Diff(JsonObject? before, JsonObject after)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        Compare(before, after, changed, top: true);
        return [.. changed];
    }

    private static void Compare(JsonObject? before, JsonObject after, SortedSet<string> changed, bool top)
    {
        var keys = new HashSet<string>(after.Select(p => p.Key), StringComparer.Ordinal);
        if (before is not null)
            keys.UnionWith(before.Select(p => p.Key));
        foreach (var key in keys)
        {
            if (top && key is "modified" or "created" or "id" or "type" or "spec_version")
                continue;
            if (key == RiposteExtensions.EditId || key == "extension_type")
                continue;
            var a = before?[key];
            var b = after[key];
            if (key == "extensions" && top && b is JsonObject be)
            {
                var ae = a as JsonObject;
                foreach (var (extKey, extValue) in be)
                {
                    if (extKey != RiposteExtensions.EditId && extValue is JsonObject ev)
                        Compare(ae?[extKey] as JsonObject ?? [], ev, changed, top: false);
                }
                continue;
            }
            if (!JsonNode.DeepEquals(a, b))
                changed.Add(key);
        }
    }

    public static JsonObject Properties(Riposte.Access.Principal editor, string change, IReadOnlyList<string> changed)
    {
        var props = new JsonObject
        {
            ["edited_by"] = editor.UserId,
            ["change"] = change,
        };
        if (!editor.IsSystem)
            props["edited_by_organization"] = editor.OrganizationId;
        if (changed.Count > 0)
            props["changed"] = new JsonArray([.. changed.Select(c => (JsonNode)c)]);
        return props;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
