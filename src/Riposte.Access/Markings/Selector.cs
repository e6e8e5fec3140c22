using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Riposte.Access.Markings;

/// <summary>One step of a STIX granular-marking selector: a property name, or a list index written <c>[n]</c>.</summary>
public readonly record struct SelectorStep(string? Property, int Index)
{
    public bool IsIndex => Property is null;
}

/// <summary>STIX 2.1 §7.2.3.1 selectors (<c>external_references.[1].url</c>): parsing, resolving and writing back.</summary>
public static class Selector
{
    public static bool TryParse(string text, out SelectorStep[] steps)
    {
        steps = [];
        if (string.IsNullOrEmpty(text))
            return false;
        var parts = text.Split('.');
        var result = new SelectorStep[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length >= 3 && part[0] == '[' && part[^1] == ']')
            {
                if (!int.TryParse(part.AsSpan(1, part.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    return false;
                result[i] = new SelectorStep(null, index);
            }
            else if (part.Length > 0 && !part.Contains('[', StringComparison.Ordinal))
                result[i] = new SelectorStep(part, 0);
            else
                return false;
        }
        steps = result;
        return true;
    }

    /// <summary>The node a selector points at; false when it points at nothing (or at a JSON null).</summary>
    public static bool TryResolve(JsonObject root, SelectorStep[] steps, out JsonNode node)
    {
        JsonNode? current = root;
        foreach (var step in steps)
        {
            current = (step.IsIndex, current) switch
            {
                (false, JsonObject o) => o[step.Property!],
                (true, JsonArray a) when step.Index < a.Count => a[step.Index],
                _ => null,
            };
            if (current is null)
                break;
        }
        node = current!;
        return current is not null;
    }

    /// <summary>The selector of a node inside <paramref name="root"/>, or null when the node is no longer inside it.</summary>
    public static string? Of(JsonNode node, JsonObject root)
    {
        var steps = new List<string>();
        for (var current = node; !ReferenceEquals(current, root); current = current.Parent)
        {
            switch (current.Parent)
            {
                case JsonObject:
                    steps.Add(current.GetPropertyName());
                    break;
                case JsonArray:
                    steps.Add(string.Create(CultureInfo.InvariantCulture, $"[{current.GetElementIndex()}]"));
                    break;
                default:
                    return null;
            }
        }
        if (steps.Count == 0)
            return null;
        steps.Reverse();
        return new StringBuilder().AppendJoin('.', steps).ToString();
    }
}
