using System.Globalization;

namespace Riposte.Storage.Sqlite;

/// <summary>How instants and versions are written as sortable text columns.</summary>
internal static class SqliteText
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string VersionKey(DateTimeOffset value) => VersionKeys.Of(value);

    public static string VersionKey(string? version) => VersionKeys.Of(version);
}
