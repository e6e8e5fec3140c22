using System.Globalization;

namespace Riposte.Storage;

/// <summary>
/// Instants as every provider keeps them in text columns: fixed-width UTC to the tick, so they sort
/// ordinally, keep what the audit hash covers (PostgreSQL's timestamptz keeps microseconds only), and
/// copy between providers unchanged.
/// </summary>
public static class StoredInstants
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateTimeOffset? value) => value is { } v ? ToText(v) : null;

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
