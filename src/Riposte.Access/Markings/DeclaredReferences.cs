using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Access.Markings;

/// <summary>
/// References an extension keeps under names that do not end in <c>_ref</c>/<c>_refs</c>, declared per
/// extension-definition in <see cref="AccessOptions.ExtensionReferences"/> — e.g. Riposte's incident evidence,
/// <c>evidence[*].ref</c>. A list entry (<c>list[*].property</c>) whose id the reader may not see is removed
/// whole, since the rest of the entry (hash, note) describes the hidden object; a single property is removed.
/// Values that are not STIX ids (URLs, platform post ids) are not references and stay.
/// </summary>
public static class DeclaredReferences
{
    private const string EachEntry = "[*].";

    public static IEnumerable<OtherReferences.Found> In(JsonObject obj, IReadOnlyDictionary<string, List<string>> declared)
    {
        if (declared.Count == 0 || obj["extensions"] is not JsonObject extensions)
            yield break;
        foreach (var (name, extension) in extensions)
        {
            if (extension is not JsonObject body || !declared.TryGetValue(name, out var paths))
                continue;
            var prefix = new[] { new SelectorStep("extensions", 0), new SelectorStep(name, 0) };
            foreach (var path in paths)
            {
                foreach (var found in At(body, prefix, path))
                    yield return found;
            }
        }
    }

    private static IEnumerable<OtherReferences.Found> At(JsonObject body, SelectorStep[] prefix, string path)
    {
        var each = path.IndexOf(EachEntry, StringComparison.Ordinal);
        if (each < 0)
        {
            if (IdIn(body[path]) is { } id)
                yield return new OtherReferences.Found([.. prefix, new SelectorStep(path, 0)], id);
            yield break;
        }
        var list = path[..each];
        var property = path[(each + EachEntry.Length)..];
        if (body[list] is not JsonArray entries)
            yield break;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is JsonObject entry && IdIn(entry[property]) is { } id)
                yield return new OtherReferences.Found([.. prefix, new SelectorStep(list, 0), new SelectorStep(null, i)], id);
        }
    }

    private static string? IdIn(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && StixIds.IsValid(text) ? text : null;
}
