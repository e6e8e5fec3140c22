using System.Text;

namespace Riposte.Analytics.Normalisation;

/// <summary>
/// Puts URLs in one canonical form so the same link shared by many accounts compares equal: lower-case scheme and
/// host, IDN hosts as punycode, no default port, no fragment, no tracking parameters, sorted query parameters,
/// upper-case percent-encoding with unreserved characters decoded, and no trailing slash on an empty path.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "igsh", "mc_cid", "mc_eid",
        "ref_src", "ref_url", "ref", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wickedid",
        "__s", "s_cid", "cmpid", "spm",
    };

    /// <summary>The canonical form, or null when the text is not an http(s) URL or a bare host name with a path.</summary>
    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // Link texts such as "factcheck.example.org/x" (Telegram, Bluesky) carry no scheme.
            if (!LooksLikeBareHost(text))
                return null;
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        if (uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6) || uri.Host.Length == 0)
            return null;

        var builder = new StringBuilder(text.Length);
        builder.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
            builder.Append(NormalisePercentEncoding(uri.UserInfo)).Append('@');
        builder.Append(uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost.TrimEnd('.').ToLowerInvariant());
        if (!uri.IsDefaultPort)
            builder.Append(':').Append(uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var path = NormalisePercentEncoding(uri.AbsolutePath);
        if (path != "/")
            builder.Append(path);
        var query = CanonicalQuery(uri.Query);
        if (query.Length > 0)
            builder.Append('?').Append(query);
        return builder.ToString();
    }

    /// <summary>Whether a query parameter name is a known tracking parameter (utm_* and the click ids).</summary>
    public static bool IsTrackingParameter(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
            return "";
        var kept = new List<(string Key, string Pair)>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = NormalisePercentEncoding(equals < 0 ? pair : pair[..equals]);
            if (IsTrackingParameter(Uri.UnescapeDataString(key)))
                continue;
            kept.Add((key, equals < 0 ? key : key + "=" + NormalisePercentEncoding(pair[(equals + 1)..])));
        }
        kept.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Pair, b.Pair);
        });
        return string.Join('&', kept.Select(k => k.Pair));
    }

    /// <summary>Upper-case hex in escapes; escapes of unreserved characters (RFC 3986 §2.3) decoded.</summary>
    internal static string NormalisePercentEncoding(string text)
    {
        if (!text.Contains('%'))
            return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                var value = (char)Convert.ToInt32(text.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                    builder.Append(value);
                else
                    builder.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }

    private static bool LooksLikeBareHost(string text)
    {
        var end = text.IndexOfAny(['/', '?', '#']);
        var host = end < 0 ? text : text[..end];
        var dot = host.LastIndexOf('.');
        return dot > 0 && dot < host.Length - 2 && !host.Contains('@') && !host.Any(char.IsWhiteSpace)
            && host[(dot + 1)..].All(char.IsLetter);
    }
}
