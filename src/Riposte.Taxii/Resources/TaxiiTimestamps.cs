using System.Globalization;

namespace Riposte.Taxii.Resources;

/// <summary>
/// TAXII timestamps (date_added, request_timestamp, X-TAXII-Date-Added-*): RFC 3339 UTC with at least
/// milliseconds and as many digits as .NET holds, so a header value sent back as <c>added_after</c>
/// names exactly that instant and the object it came from is not returned again.
/// </summary>
public static class TaxiiTimestamps
{
    public static string Format(DateTimeOffset value)
    {
        var text = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var end = text.Length;
        while (end > 23 && text[end - 1] == '0')
            end--;
        return string.Concat(text.AsSpan(0, end), "Z");
    }
}
