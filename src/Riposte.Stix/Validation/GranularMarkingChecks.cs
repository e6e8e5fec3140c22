using System.Globalization;
using System.Text.Json;

namespace Riposte.Stix.Validation;

/// <summary>
/// Granular markings (STIX 2.1 section 7.2.3): each has a non-empty <c>selectors</c> list and
/// exactly one of <c>marking_ref</c> or <c>lang</c>; every selector must select content present
/// in the object. Selectors are '.'-separated components, each a property name or a list index
/// in brackets: <c>external_references.[0].source_name</c>.
/// </summary>
internal static class GranularMarkingChecks
{
    public static void Check(ObjectScope scope, JsonElement node, string path)
    {
        var sink = scope.Sink;
        if (!StructuredChecks.NonEmptyList(node, path, sink))
            return;
        var i = -1;
        foreach (var marking in node.EnumerateArray())
        {
            var at = JsonPathText.Index(path, ++i);
            if (marking.ValueKind != JsonValueKind.Object)
            {
                sink.Error(at, "a granular marking must be an object");
                continue;
            }
            CheckOne(scope, marking, at);
        }
    }

    private static void CheckOne(ObjectScope scope, JsonElement marking, string at)
    {
        var sink = scope.Sink;
        var hasRef = marking.TryGetProperty("marking_ref", out var markingRef);
        var hasLang = marking.TryGetProperty("lang", out var lang);
        if (hasRef == hasLang)
            sink.Error(at, "a granular marking needs exactly one of marking_ref or lang");
        if (hasRef && ValueChecks.ExpectString(markingRef, JsonPathText.Property(at, "marking_ref"), sink) is { } id && !StixIds.IsOfType(id, "marking-definition"))
            sink.Error(JsonPathText.Property(at, "marking_ref"), $"'{id}' must be a marking-definition id");
        if (hasLang && ValueChecks.ExpectString(lang, JsonPathText.Property(at, "lang"), sink) is { } tag && !ValueChecks.IsLanguageTag(tag))
            sink.Error(JsonPathText.Property(at, "lang"), $"'{tag}' is not an RFC 5646 language tag");

        var selectorsPath = JsonPathText.Property(at, "selectors");
        if (!marking.TryGetProperty("selectors", out var selectors))
        {
            sink.Error(selectorsPath, "required property 'selectors' is missing");
            return;
        }
        if (!StructuredChecks.NonEmptyList(selectors, selectorsPath, sink))
            return;
        var j = -1;
        foreach (var item in selectors.EnumerateArray())
        {
            var selectorPath = JsonPathText.Index(selectorsPath, ++j);
            if (ValueChecks.ExpectString(item, selectorPath, sink) is { } selector && Resolve(scope.Json, selector) is { } problem)
                sink.Error(selectorPath, $"selector '{selector}' does not resolve: {problem}");
        }
    }

    /// <summary>Null when <paramref name="selector"/> selects content present in <paramref name="root"/>, else why not.</summary>
    public static string? Resolve(JsonElement root, string selector)
    {
        if (selector.Length == 0)
            return "it is empty";
        var current = root;
        var walked = "the object";
        foreach (var range in selector.AsSpan().Split('.'))
        {
            var component = selector.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (component.Length == 0)
                return "it has an empty component";
            if (component[0] == '[')
            {
                if (component.Length < 3 || component[^1] != ']' || !int.TryParse(component[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    return $"'{component}' is not a list index such as [0]";
                if (current.ValueKind != JsonValueKind.Array)
                    return $"{walked} is not a list";
                var count = current.GetArrayLength();
                if (index >= count)
                    return $"{walked} has no item [{index}] (it has {count})";
                current = current[index];
            }
            else
            {
                if (current.ValueKind != JsonValueKind.Object)
                    return $"{walked} is not an object";
                var name = component.ToString();
                if (!current.TryGetProperty(name, out var next))
                {
                    return component.Contains('[')
                        ? $"there is no property '{name}' in {walked} (list indexes are separate components: 'a.[0]')"
                        : $"there is no property '{name}' in {walked}";
                }
                current = next;
            }
            walked = "'" + selector[..range.End.Value] + "'";
        }
        return null;
    }
}
