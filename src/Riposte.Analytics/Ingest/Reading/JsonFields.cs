using System.Globalization;
using System.Text.Json;

namespace Riposte.Analytics.Ingest.Reading;

/// <summary>Tolerant field access on JSON elements: missing, null and wrongly typed fields read as null.</summary>
internal static class JsonFields
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>Follows a chain of property names.</summary>
    public static JsonElement? At(this JsonElement element, params ReadOnlySpan<string> names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            current = current?.Prop(name);
            if (current is null)
                return null;
        }
        return current;
    }

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static IEnumerable<JsonElement> Arr(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>A string field; numbers and booleans give their JSON text (ids sent as bare numbers stay exact).</summary>
    public static string? Str(this JsonElement element, string name) => element.Prop(name) is { } value ? AsString(value) : null;

    public static string? AsString(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>A non-empty string field, or null.</summary>
    public static string? NonEmpty(this JsonElement element, string name) => element.Str(name) is { Length: > 0 } s ? s : null;

    /// <summary>A count: a JSON integer, a float with no fraction (12.0) or a numeric string; anything else is unknown.</summary>
    public static long? Count(this JsonElement element, string name) => element.Prop(name) is { } value ? AsCount(value) : null;

    public static long? AsCount(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number when value.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        JsonValueKind.String => Counts.Parse(value.GetString()),
        _ => null,
    };

    public static bool IsTrue(this JsonElement element, string name) => element.Prop(name) is { ValueKind: JsonValueKind.True };
}

/// <summary>Counts written as text: "5,126", "12.0", "" or "N/A".</summary>
internal static class Counts
{
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var cleaned = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return n;
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
            return (long)d;
        return null;
    }
}
