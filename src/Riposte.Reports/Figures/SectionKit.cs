namespace Riposte.Reports.Figures;

/// <summary>The shapes most sections share: a ranked bar chart with the table of the same counts, and alt text that reads the top of it.</summary>
internal static class SectionKit
{
    public const int MaxBars = 15;

    public static ChartSpec Bars(string id, string title, Tally tally, string valueLabel, int max = MaxBars)
    {
        var ranked = tally.Ranked();
        var points = ranked.Take(max).Select(p => new ChartPoint(p.Key, p.Value)).ToList();
        return new ChartSpec(id, title, ChartKind.Bars, AltText(title, points, ranked.Count, valueLabel), points, valueLabel);
    }

    /// <summary>Label, count and share of <paramref name="whole"/> for every entry, largest first.</summary>
    public static ReportTable RankedTable(string caption, string labelColumn, Tally tally, string countColumn, int whole) =>
        new(caption, [labelColumn, countColumn, "Share"],
            [.. tally.Ranked().Select(p => (IReadOnlyList<string>)[p.Key, Format.N(p.Value), Format.Share(p.Value, whole)])]);

    public static string AltText(string title, IReadOnlyList<ChartPoint> points, int total, string valueLabel)
    {
        if (points.Count == 0)
            return $"{title}: no data.";
        var top = string.Join("; ", points.Take(5).Select(p => $"{p.Label}: {Format.N((long)p.Value)}"));
        var more = total > 5 ? $" and {Format.N(total - 5)} more" : "";
        return $"Bar chart, {title} ({valueLabel}). {top}{more}. The table below gives every value.";
    }

    public static IReadOnlyList<string> Row(params string[] cells) => cells;
}
