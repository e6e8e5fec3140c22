using System.Text.Json.Nodes;

namespace Riposte.Access.Markings;

/// <summary>
/// References the type-specific rules do not name: any other <c>*_ref</c> / <c>*_refs</c> property at the top
/// level or inside an extension (custom objects and property extensions use the same naming, STIX 2.1 §3.1).
/// An invisible target is removed from the copy returned, so such properties never disclose an id either.
/// </summary>
public static class OtherReferences
{
    /// <summary>Not references to content: who made it and how it is marked are judged elsewhere (also read by <see cref="AccessFacts"/>).</summary>
    internal static readonly HashSet<string> NotContent = new(StringComparer.Ordinal) { "created_by_ref", "object_marking_refs", "marking_ref" };

    /// <summary>One reference: where it is (a selector path) and the id it points at.</summary>
    public readonly record struct Found(SelectorStep[] Path, string Id);

    public static IEnumerable<Found> In(JsonObject obj, string type)
    {
        var handled = new HashSet<string>(ReferenceProperties.HidingSingle(type), StringComparer.Ordinal);
        handled.UnionWith(ReferenceProperties.HidingLists(type));
        handled.UnionWith(ReferenceProperties.FilteredLists(type));
        foreach (var found in InObject(obj, [], handled))
            yield return found;
        if (obj["extensions"] is not JsonObject extensions)
            yield break;
        foreach (var (name, extension) in extensions)
        {
            if (extension is JsonObject body)
            {
                foreach (var found in InObject(body, [new SelectorStep("extensions", 0), new SelectorStep(name, 0)], null))
                    yield return found;
            }
        }
    }

    private static IEnumerable<Found> InObject(JsonObject obj, SelectorStep[] prefix, HashSet<string>? handled)
    {
        foreach (var (name, value) in obj)
        {
            if (NotContent.Contains(name) || handled?.Contains(name) == true)
                continue;
            if (name.EndsWith("_ref", StringComparison.Ordinal) && value is JsonValue single && single.TryGetValue<string>(out var id))
            {
                yield return new Found([.. prefix, new SelectorStep(name, 0)], id);
            }
            else if (name.EndsWith("_refs", StringComparison.Ordinal) && value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonValue entry && entry.TryGetValue<string>(out var listed))
                        yield return new Found([.. prefix, new SelectorStep(name, 0), new SelectorStep(null, i)], listed);
                }
            }
        }
    }
}
