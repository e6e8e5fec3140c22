using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Access.Markings;

/// <summary>
/// Builds the redacted copy of an object: removes the given parts, drops the granular markings
/// that restricted them, and rewrites the selectors of the granular markings that remain, since
/// removing a list entry moves the entries after it.
/// </summary>
internal static class Redactor
{
    public static StixObject Apply(StixObject original, IReadOnlyList<SelectorStep[]> removals, IReadOnlySet<int> droppedGranularEntries)
    {
        var copy = (JsonObject)original.Json.DeepClone();
        var targets = new List<JsonNode>();
        foreach (var path in removals)
        {
            if (Selector.TryResolve(copy, path, out var node))
                targets.Add(node);
            else if (path is [.., { IsIndex: false } last] && Parent(copy, path) is JsonObject parent)
                parent.Remove(last.Property!); // a property holding JSON null
        }

        var kept = KeptGranularMarkings(copy, droppedGranularEntries);
        var emptied = new List<JsonArray>();
        foreach (var target in targets)
        {
            if (Detach(target) is { Count: 0 } list)
                emptied.Add(list);
        }
        foreach (var list in emptied)
            DropEmpty(copy, list);
        RewriteGranularMarkings(copy, kept);
        return new StixObject(copy);
    }

    /// <summary>
    /// STIX forbids empty lists, so a list redaction emptied goes too — except a container's required
    /// <c>object_refs</c>, whose absence would say something else than "you may see none of these".
    /// </summary>
    private static void DropEmpty(JsonObject root, JsonArray list)
    {
        if (list.Parent is JsonObject owner && !(ReferenceEquals(owner, root) && list.GetPropertyName() == "object_refs"))
            owner.Remove(list.GetPropertyName());
    }

    private static List<(JsonObject Entry, List<JsonNode> Nodes)> KeptGranularMarkings(JsonObject copy, IReadOnlySet<int> dropped)
    {
        var kept = new List<(JsonObject, List<JsonNode>)>();
        if (copy["granular_markings"] is not JsonArray entries)
            return kept;
        for (var i = 0; i < entries.Count; i++)
        {
            if (dropped.Contains(i) || entries[i] is not JsonObject entry)
                continue;
            var nodes = new List<JsonNode>();
            if (entry["selectors"] is JsonArray selectors)
            {
                foreach (var s in selectors)
                {
                    if (s is JsonValue v && v.TryGetValue<string>(out var text) && Selector.TryParse(text, out var steps) && Selector.TryResolve(copy, steps, out var node))
                        nodes.Add(node);
                }
            }
            kept.Add((entry, nodes));
        }
        return kept;
    }

    private static void RewriteGranularMarkings(JsonObject copy, List<(JsonObject Entry, List<JsonNode> Nodes)> kept)
    {
        var rewritten = new JsonArray();
        foreach (var (entry, nodes) in kept)
        {
            var selectors = new JsonArray();
            foreach (var node in nodes)
            {
                if (Selector.Of(node, copy) is { } selector)
                    selectors.Add(selector);
            }
            if (selectors.Count == 0)
                continue;
            var clone = (JsonObject)entry.DeepClone();
            clone["selectors"] = selectors;
            rewritten.Add(clone);
        }
        if (rewritten.Count == 0)
            copy.Remove("granular_markings");
        else
            copy["granular_markings"] = rewritten;
    }

    /// <summary>Removes the node from its parent; returns the parent when it is a list (it may now be empty).</summary>
    private static JsonArray? Detach(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(node.GetPropertyName());
                return null;
            case JsonArray a:
                a.Remove(node);
                return a;
            default:
                return null;
        }
    }

    private static JsonNode? Parent(JsonObject root, SelectorStep[] path) =>
        path.Length == 1 ? root : Selector.TryResolve(root, path[..^1], out var parent) ? parent : null;
}
