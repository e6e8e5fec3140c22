using System.Globalization;
using Riposte.Stix;

namespace Riposte.Storage;

/// <summary>
/// How every provider spells a version as a sortable key (<see cref="StixTimestamp.SortKey"/>), so version
/// look-ups and modified-range filters mean the same on every database.
/// </summary>
public static class VersionKeys
{
    /// <summary>The key of an instant, to compare with stored version keys.</summary>
    public static string Of(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    /// <summary>The key for a version text; '' for unversioned. Unparsable text gets a key no stored version has.</summary>
    public static string Of(string? version) =>
        string.IsNullOrEmpty(version) ? "" : StixTimestamp.TryParse(version, out var ts) ? ts.SortKey : "\uFFFF" + version;

    /// <summary>The key an object is stored under.</summary>
    public static string Of(StixObject obj) => obj.Version?.SortKey ?? "";
}
