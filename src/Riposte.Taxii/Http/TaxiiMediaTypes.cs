using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Riposte.Taxii.Http;

/// <summary>The media types of TAXII 2.1 §1.6.8 and the content negotiation rules around them.</summary>
public static class TaxiiMediaTypes
{
    public const string Taxii = "application/taxii+json";
    public const string Stix = "application/stix+json";
    public const string TaxiiV21 = "application/taxii+json;version=2.1";
    public const string StixV21 = "application/stix+json;version=2.1";

    /// <summary>
    /// Whether a response in <see cref="TaxiiV21"/> satisfies the Accept header. No header accepts
    /// anything (RFC 9110 §12.5.1); <c>application/taxii+json</c> without a version means the
    /// latest the server speaks (§1.6.8.1), which is 2.1; wildcards are honoured.
    /// </summary>
    public static bool AcceptsTaxiiV21(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
            return true;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
            return false;
        foreach (var range in ranges)
        {
            if (range.Quality is 0)
                continue;
            var type = range.MediaType.Value ?? "";
            if (type is "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
                return true;
            if (type.Equals(Taxii, StringComparison.OrdinalIgnoreCase) && VersionIs21OrAbsent(range))
                return true;
        }
        return false;
    }

    /// <summary>Whether a request body's Content-Type is a TAXII 2.1 envelope (version absent means 2.1).</summary>
    public static bool IsTaxiiV21Content(string? contentType) =>
        contentType is not null
        && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Taxii, StringComparison.OrdinalIgnoreCase)
        && VersionIs21OrAbsent(parsed);

    /// <summary>The STIX media type of an object with the given spec_version (2.1 when absent, as STIX 2.1 objects must carry it).</summary>
    public static string StixFor(string? specVersion) =>
        specVersion is null or "2.1" ? StixV21 : $"{Stix};version={specVersion}";

    private static bool VersionIs21OrAbsent(MediaTypeHeaderValue value)
    {
        foreach (var parameter in value.Parameters)
        {
            if (parameter.Name.Equals("version", StringComparison.OrdinalIgnoreCase))
                return HeaderUtilities.RemoveQuotes(parameter.Value).Equals("2.1", StringComparison.Ordinal);
        }
        return true;
    }
}
