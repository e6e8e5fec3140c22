using System.Globalization;
using Riposte.Stix;

namespace Riposte.Storage.Sqlite;

/// <summary>How instants and versions are written as sortable text columns.</summary>
internal static class SqliteText
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The <see cref="StixTimestamp.SortKey"/> of an instant, to compare with version_key.</summary>
    public static string VersionKey(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    /// <summary>The version_key for a version text; '' for unversioned. Unparsable text matches nothing.</summary>
    public static string VersionKey(string? version) =>
        string.IsNullOrEmpty(version) ? "" : StixTimestamp.TryParse(version, out var ts) ? ts.SortKey : "\uFFFF" + version;
}
