using Riposte.Stix;

namespace Riposte.Taxii.Filtering;

/// <summary>
/// A parsed <c>match[version]</c> (§3.4.1): any mix of <c>last</c>, <c>first</c>, <c>all</c> and
/// version timestamps, combined with OR. Absent means <c>last</c> on the objects, object and
/// manifest endpoints.
/// </summary>
public sealed record VersionMatch(bool Last, bool First, bool All, IReadOnlyList<StixTimestamp> Timestamps)
{
    public static readonly VersionMatch LastOnly = new(true, false, false, []);
    public static readonly VersionMatch Everything = new(false, false, true, []);

    /// <summary>True when one store query can answer it (one keyword, or timestamps only).</summary>
    public bool IsSimple => All || (Timestamps.Count == 0 ? Last ^ First : !Last && !First);

    public override string ToString()
    {
        var parts = new List<string>();
        if (Last) parts.Add("last");
        if (First) parts.Add("first");
        if (All) parts.Add("all");
        parts.AddRange(Timestamps.Select(t => t.SortKey).Order(StringComparer.Ordinal));
        return string.Join(',', parts);
    }
}
