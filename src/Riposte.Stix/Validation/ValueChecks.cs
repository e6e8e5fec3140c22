using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>Checks one property value against its data type (STIX 2.1 section 2).</summary>
internal static partial class ValueChecks
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]*$", RegexOptions.CultureInvariant)]
    private static partial Regex UrlShape();

    // RFC 5646 language tag shape: primary subtag of 2-8 letters, then subtags of 1-8 alphanumerics.
    [GeneratedRegex("^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagShape();

    [GeneratedRegex("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", RegexOptions.CultureInvariant)]
    private static partial Regex MacShape();

    public static bool IsLanguageTag(string s) => LanguageTagShape().IsMatch(s);

    public static void Check(ObjectScope scope, PropertyRule rule, JsonElement node, string path)
    {
        var sink = scope.Sink;
        if (rule.DeprecatedNote is not null)
            sink.Warning(path, rule.DeprecatedNote);
        switch (rule.Kind)
        {
            case PropertyKind.String:
                RequireString(node, path, sink);
                break;
            case PropertyKind.Boolean:
                if (node.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    sink.Error(path, "must be a boolean");
                break;
            case PropertyKind.Integer:
                CheckInteger(rule, node, path, sink);
                break;
            case PropertyKind.Number:
                CheckNumber(rule, node, path, sink);
                break;
            case PropertyKind.Timestamp:
                if (ExpectString(node, path, sink) is { } ts && !StixTimestamp.TryParse(ts, out _))
                    sink.Error(path, $"'{ts}' is not an RFC 3339 UTC timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)");
                break;
            case PropertyKind.Identifier:
                if (ExpectString(node, path, sink) is { } id)
                    CheckReference(rule, id, path, sink);
                break;
            case PropertyKind.IdentifierList:
            case PropertyKind.StringList:
            case PropertyKind.OpenVocabList:
            case PropertyKind.EnumList:
                CheckStringList(rule, node, path, sink);
                break;
            case PropertyKind.OpenVocab:
            case PropertyKind.Enum:
                if (ExpectString(node, path, sink) is { } term)
                    CheckTerm(rule.Vocabulary!, term, path, -1, sink);
                break;
            case PropertyKind.Dictionary:
                StructuredChecks.Dictionary(node, path, sink);
                break;
            case PropertyKind.Hashes:
                StructuredChecks.Hashes(node, path, sink);
                break;
            case PropertyKind.KillChainPhases:
                StructuredChecks.KillChainPhases(node, path, sink);
                break;
            case PropertyKind.ExternalReferences:
                StructuredChecks.ExternalReferences(node, path, sink);
                break;
            case PropertyKind.GranularMarkings:
                GranularMarkingChecks.Check(scope, node, path);
                break;
            case PropertyKind.Extensions:
                ExtensionChecks.Check(scope, node, path);
                break;
            case PropertyKind.Binary:
                if (ExpectString(node, path, sink) is { } b64 && !IsBase64(b64))
                    sink.Error(path, "must be base64 (RFC 4648) binary");
                break;
            case PropertyKind.Hex:
                if (ExpectString(node, path, sink) is { } hex && (hex.Length % 2 != 0 || !IsHex(hex)))
                    sink.Error(path, "must be hex: an even number of 0-9, a-f characters");
                break;
            case PropertyKind.Object:
                if (node.ValueKind != JsonValueKind.Object)
                    sink.Error(path, "must be a JSON object");
                break;
            case PropertyKind.ObjectList:
                CheckObjectList(node, path, sink);
                break;
            case PropertyKind.Url:
                Url(node, path, sink);
                break;
            case PropertyKind.Ipv4:
                if (ExpectString(node, path, sink) is { } v4 && !IsIpWithPrefix(v4, System.Net.Sockets.AddressFamily.InterNetwork, 32))
                    sink.Error(path, $"'{v4}' is not an IPv4 address or CIDR block");
                break;
            case PropertyKind.Ipv6:
                if (ExpectString(node, path, sink) is { } v6 && !IsIpWithPrefix(v6, System.Net.Sockets.AddressFamily.InterNetworkV6, 128))
                    sink.Error(path, $"'{v6}' is not an IPv6 address or CIDR block");
                break;
            case PropertyKind.MacAddress:
                if (ExpectString(node, path, sink) is { } mac && !MacShape().IsMatch(mac))
                    sink.Error(path, $"'{mac}' is not a colon-delimited, lower-case MAC-48 address");
                break;
            case PropertyKind.EmailAddress:
                if (ExpectString(node, path, sink) is { } email && !IsAddrSpec(email))
                    sink.Error(path, $"'{email}' is not an RFC 5322 addr-spec (local@domain)");
                break;
            case PropertyKind.LanguageTag:
                if (ExpectString(node, path, sink) is { } lang && !IsLanguageTag(lang))
                    sink.Error(path, $"'{lang}' is not an RFC 5646 language tag");
                break;
        }
    }

    public static void Url(JsonElement node, string path, IssueSink sink)
    {
        if (ExpectString(node, path, sink) is { } url && !UrlShape().IsMatch(url))
            sink.Error(path, $"'{url}' is not a URL (RFC 3986: scheme ':' followed by the rest, no spaces)");
    }

    /// <summary>Like <see cref="ExpectString"/> for a value whose text is not needed: no string is made.</summary>
    public static void RequireString(JsonElement node, string path, IssueSink sink)
    {
        if (node.ValueKind != JsonValueKind.String)
            sink.Error(path, "must be a string");
    }

    public static string? ExpectString(JsonElement node, string path, IssueSink sink)
    {
        if (node.ValueKind == JsonValueKind.String)
            return node.GetString();
        sink.Error(path, "must be a string");
        return null;
    }

    public static void CheckReference(PropertyRule rule, string id, string path, IssueSink sink) => CheckReference(rule, id, path, -1, sink);

    // index >= 0: the value is item [index] of the list at path; the item's path is only built for an issue.
    private static void CheckReference(PropertyRule rule, string id, string path, int index, IssueSink sink)
    {
        if (!StixIds.TryGetType(id, out var type))
        {
            sink.Error(At(path, index), $"'{id}' is not a STIX identifier (type--UUID, RFC 4122 UUID)");
            return;
        }
        if (rule.Target is { } target && !target.Allows(type))
            sink.Error(At(path, index), $"'{id}' must reference {target.Description}, not {type}");
    }

    private static string At(string path, int index) => index < 0 ? path : JsonPathText.Index(path, index);

    private static void CheckTerm(Vocabulary vocabulary, string term, string path, int index, IssueSink sink)
    {
        if (vocabulary.Values.Contains(term))
            return;
        if (vocabulary.Closed)
            sink.Error(At(path, index), $"'{term}' is not in {vocabulary.Name} ({string.Join(", ", vocabulary.Ordered)})");
        else
            sink.Warning(At(path, index), $"'{term}' is not in the open vocabulary {vocabulary.Name}; values SHOULD come from it");
    }

    private static void CheckStringList(PropertyRule rule, JsonElement node, string path, IssueSink sink)
    {
        if (!StructuredChecks.NonEmptyList(node, path, sink))
            return;
        var i = -1;
        foreach (var item in node.EnumerateArray())
        {
            i++;
            if (item.ValueKind != JsonValueKind.String)
            {
                sink.Error(JsonPathText.Index(path, i), "must be a string");
                continue;
            }
            var s = item.GetString()!;
            switch (rule.Kind)
            {
                case PropertyKind.IdentifierList:
                    CheckReference(rule, s, path, i, sink);
                    break;
                case PropertyKind.OpenVocabList:
                case PropertyKind.EnumList:
                    CheckTerm(rule.Vocabulary!, s, path, i, sink);
                    break;
            }
        }
    }

    private static void CheckObjectList(JsonElement node, string path, IssueSink sink)
    {
        if (!StructuredChecks.NonEmptyList(node, path, sink))
            return;
        var i = 0;
        foreach (var item in node.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                sink.Error(JsonPathText.Index(path, i), "must be a JSON object");
            i++;
        }
    }

    private static void CheckInteger(PropertyRule rule, JsonElement node, string path, IssueSink sink)
    {
        if (!JsonNumbers.TryGetInteger(node, out var n))
        {
            sink.Error(path, "must be an integer");
            return;
        }
        if ((rule.Min is { } min && n < min) || (rule.Max is { } max && n > max))
            sink.Error(path, $"{n} is out of range {Bounds(rule)}");
    }

    private static void CheckNumber(PropertyRule rule, JsonElement node, string path, IssueSink sink)
    {
        if (!JsonNumbers.TryGetDouble(node, out var d))
        {
            sink.Error(path, "must be a number");
            return;
        }
        if ((rule.Min is { } min && d < min) || (rule.Max is { } max && d > max))
            sink.Error(path, $"{d.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range {Bounds(rule)}");
    }

    private static string Bounds(PropertyRule rule) => (rule.Min, rule.Max) switch
    {
        ({ } min, { } max) => FormattableString.Invariant($"[{min}, {max}]"),
        ({ } min, null) => FormattableString.Invariant($">= {min}"),
        (null, { } max) => FormattableString.Invariant($"<= {max}"),
        _ => "",
    };

    // RFC 4648 alphabet and padding; non-zero pad bits are tolerated, as most decoders (and the spec's own example) do.
    private static bool IsBase64(string s)
    {
        if (s.Length % 4 != 0)
            return false;
        var padding = s.EndsWith("==", StringComparison.Ordinal) ? 2 : s.EndsWith('=') ? 1 : 0;
        for (var i = 0; i < s.Length - padding; i++)
        {
            var c = s[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
                return false;
        }
        return true;
    }

    private static bool IsHex(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }
        return true;
    }

    private static bool IsIpWithPrefix(string s, System.Net.Sockets.AddressFamily family, int maxPrefix)
    {
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? s.AsSpan() : s.AsSpan(0, slash);
        if (slash >= 0)
        {
            var prefix = s.AsSpan(slash + 1);
            if (prefix.Length is 0 or > 3 || !int.TryParse(prefix, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) || bits > maxPrefix)
                return false;
        }
        // IPAddress.TryParse accepts shorthand such as "1" for IPv4; STIX means dotted quads.
        if (family == System.Net.Sockets.AddressFamily.InterNetwork && address.Count('.') != 3)
            return false;
        return IPAddress.TryParse(address, out var ip) && ip.AddressFamily == family;
    }

    private static bool IsAddrSpec(string s)
    {
        var at = s.LastIndexOf('@');
        return at > 0 && at < s.Length - 1 && !s.AsSpan().ContainsAny(' ', '\t', '\n');
    }
}
