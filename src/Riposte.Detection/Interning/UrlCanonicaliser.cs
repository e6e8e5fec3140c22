using System.Text;

namespace Riposte.Detection.Interning;

/// <summary>
/// Reduces a URL to the form two shares of the same page have in common: lower-case scheme and
/// host, no "www.", no fragment, no tracking parameters, no trailing slash.
/// </summary>
public static class UrlCanonicaliser
{
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "igshid", "mc_", "ref_src", "si"];

    public static string Canonicalise(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return url.Trim();
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        var sb = new StringBuilder(url.Length);
        sb.Append("https://").Append(host);
        if (!uri.IsDefaultPort)
            sb.Append(':').Append(uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var path = uri.AbsolutePath.TrimEnd('/');
        sb.Append(path);
        var query = CleanQuery(uri.Query);
        if (query.Length > 0)
            sb.Append('?').Append(query);
        return sb.ToString();
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
            return "";
        var kept = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !TrackingPrefixes.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase) && (t.EndsWith('_') || p.Length == t.Length || p[t.Length] == '=')))
            .Order(StringComparer.Ordinal);
        return string.Join('&', kept);
    }
}
