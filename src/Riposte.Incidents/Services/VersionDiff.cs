using System.Text.Json.Nodes;
using Riposte.Incidents.Model;

namespace Riposte.Incidents.Services;

/// <summary>One property that differs between two versions: its path (<c>name</c>, <c>extensions.&lt;definition&gt;.impact</c>) and both values (null: absent).</summary>
public sealed record PropertyChange(string Path, JsonNode? Before, JsonNode? After);

/// <summary>What changed from one version of an object to another, property by property.</summary>
public sealed record VersionDiff(string Id, string From, string To, IReadOnlyList<PropertyChange> Changes)
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { "modified", "type", "id", "spec_version" };

    /// <summary>The differences, top-level properties first, then each extension's own properties; the edit record is not content.</summary>
    public static IReadOnlyList<PropertyChange> Between(JsonObject before, JsonObject after)
    {
        var changes = new List<PropertyChange>();
        foreach (var key in Keys(before, after).Where(k => !Bookkeeping.Contains(k) && k != "extensions"))
            Add(changes, key, before[key], after[key]);
        var beforeExtensions = before["extensions"] as JsonObject ?? [];
        var afterExtensions = after["extensions"] as JsonObject ?? [];
        foreach (var extension in Keys(beforeExtensions, afterExtensions).Where(k => k != RiposteExtensions.EditId))
        {
            if (beforeExtensions[extension] is JsonObject b && afterExtensions[extension] is JsonObject a)
            {
                foreach (var key in Keys(b, a))
                    Add(changes, $"extensions.{extension}.{key}", b[key], a[key]);
            }
            else
            {
                Add(changes, $"extensions.{extension}", beforeExtensions[extension], afterExtensions[extension]);
            }
        }
        return changes;
    }

    private static IEnumerable<string> Keys(JsonObject one, JsonObject other) =>
        one.Select(p => p.Key).Concat(other.Select(p => p.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static void Add(List<PropertyChange> changes, string path, JsonNode? before, JsonNode? after)
    {
        if (!JsonNode.DeepEquals(before, after))
            changes.Add(new PropertyChange(path, before?.DeepClone(), after?.DeepClone()));
    }
}
