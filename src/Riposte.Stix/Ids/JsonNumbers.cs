using System.Text.Json;
using System.Text.Json.Nodes;

namespace Riposte.Stix;

/// <summary>
/// Reads numbers from JSON values whether they were parsed (backed by a JsonElement) or built in
/// code (backed by an int, long, double…), since GetValue&lt;double&gt; only converts the former.
/// </summary>
internal static class JsonNumbers
{
    public static bool TryGetDouble(JsonValue value, out double d)
    {
        if (value.TryGetValue<JsonElement>(out var e))
        {
            d = e.ValueKind == JsonValueKind.Number ? e.GetDouble() : 0;
            return e.ValueKind == JsonValueKind.Number;
        }
        if (value.TryGetValue<double>(out d))
            return true;
        if (value.TryGetValue<long>(out var l)) { d = l; return true; }
        if (value.TryGetValue<int>(out var i)) { d = i; return true; }
        if (value.TryGetValue<float>(out var f)) { d = f; return true; }
        if (value.TryGetValue<decimal>(out var m)) { d = (double)m; return true; }
        if (value.TryGetValue<ulong>(out var ul)) { d = ul; return true; }
        if (value.TryGetValue<uint>(out var ui)) { d = ui; return true; }
        if (value.TryGetValue<short>(out var s)) { d = s; return true; }
        if (value.TryGetValue<byte>(out var b)) { d = b; return true; }
        d = 0;
        return false;
    }

    /// <summary>A JSON number that fits a double (false for other kinds and for numbers beyond double's range).</summary>
    public static bool TryGetDouble(JsonElement element, out double d)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out d))
            return true;
        d = 0;
        return false;
    }

    /// <inheritdoc cref="TryGetInteger(JsonValue, out long)"/>
    public static bool TryGetInteger(JsonElement element, out long n)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out n))
            return true;
        return IntegralDouble(TryGetDouble(element, out var d), d, out n);
    }

    /// <summary>An integral JSON number (5 and 5.0 both count) that fits a long.</summary>
    public static bool TryGetInteger(JsonValue value, out long n)
    {
        if (value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out n))
            return true;
        if (value.TryGetValue(out n))
            return true;
        if (value.TryGetValue<int>(out var i)) { n = i; return true; }
        return IntegralDouble(TryGetDouble(value, out var d), d, out n);
    }

    private static bool IntegralDouble(bool isNumber, double d, out long n)
    {
        if (isNumber && Math.Abs(d) < 9.2e18 && d == Math.Floor(d))
        {
            n = (long)d;
            return true;
        }
        n = 0;
        return false;
    }
}
