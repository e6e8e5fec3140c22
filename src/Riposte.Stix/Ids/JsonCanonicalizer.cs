using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Riposte.Stix;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: object members sorted by UTF-16 code units, no
/// whitespace, minimal string escaping and ECMAScript number formatting. STIX 2.1 hashes this
/// form of an SCO's id-contributing properties into its UUIDv5.
/// </summary>
public static class JsonCanonicalizer
{
    public static string Canonicalize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj);
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        sb.Append(',');
                    Write(sb, array[i]);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj)
    {
        var keys = new string[obj.Count];
        var i = 0;
        foreach (var (key, _) in obj)
            keys[i++] = key;
        Array.Sort(keys, StringComparer.Ordinal);
        sb.Append('{');
        for (i = 0; i < keys.Length; i++)
        {
            if (i > 0)
                sb.Append(',');
            WriteString(sb, keys[i]);
            sb.Append(':');
            Write(sb, obj[keys[i]]);
        }
        sb.Append('}');
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Number:
                if (!JsonNumbers.TryGetDouble(value, out var d))
                    throw new ArgumentException("unsupported JSON number representation", nameof(value));
                sb.Append(FormatNumber(d));
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>ECMAScript Number.prototype.toString (ECMA-262 7.1.12.1), which RFC 8785 mandates.</summary>
    public static string FormatNumber(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
            throw new ArgumentException("NaN and Infinity have no JSON form", nameof(d));
        if (d == 0)
            return "0";
        var negative = d < 0;
        // .NET "R" gives the shortest round-trip digits; only the layout differs from ECMAScript.
        var shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        ExtractDigits(shortest, out var digits, out var n);
        var k = digits.Length;
        var sb = new StringBuilder();
        if (negative)
            sb.Append('-');
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
                sb.Append('.').Append(digits, 1, k - 1);
            var e = n - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    // Turns "123.45", "1.5E-07" or "1E+21" into significant digits and n where value = 0.digits × 10^n.
    private static void ExtractDigits(string s, out string digits, out int n)
    {
        var exponent = 0;
        var ePos = s.IndexOfAny(['E', 'e']);
        var mantissa = s;
        if (ePos >= 0)
        {
            exponent = int.Parse(s.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = s[..ePos];
        }
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = intPart + fracPart;
        var pointPos = intPart.Length + exponent;
        var leadingZeros = 0;
        while (leadingZeros < all.Length - 1 && all[leadingZeros] == '0')
            leadingZeros++;
        all = all[leadingZeros..];
        pointPos -= leadingZeros;
        digits = all.TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";
        n = pointPos;
    }
}
