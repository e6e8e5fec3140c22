using System.Globalization;

namespace Riposte.Reports.Figures;

/// <summary>Counts per label, read largest first (ties by label, ordinal) so the order never depends on input order.</summary>
public sealed class Tally
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string label, int by = 1) => _counts[label] = _counts.GetValueOrDefault(label) + by;

    /// <summary>Counts each distinct label once (an incident on two platforms counts once per platform).</summary>
    public void AddDistinct(IEnumerable<string> labels)
    {
        foreach (var label in labels.Distinct(StringComparer.Ordinal))
            Add(label);
    }

    public int this[string label] => _counts.GetValueOrDefault(label);

    public int Total => _counts.Values.Sum();

    public int Count => _counts.Count;

    public IReadOnlyList<KeyValuePair<string, int>> Ranked() =>
        [.. _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];
}

/// <summary>How numbers are written in the report: invariant culture, so every machine writes the same bytes.</summary>
public static class Format
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string N(long value) => value.ToString("N0", C);

    public static string D1(double value) => value.ToString("0.0", C);

    public static string Share(int part, int whole) => whole == 0 ? "0.0%" : (100.0 * part / whole).ToString("0.0", C) + "%";

    /// <summary>The change from <paramref name="before"/> to <paramref name="now"/>, or "n/a" when there is nothing to compare with.</summary>
    public static string Change(int before, int now) => before == 0 ? "n/a" : ((now - before) * 100.0 / before).ToString("+0.0;-0.0;0.0", C) + "%";

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
