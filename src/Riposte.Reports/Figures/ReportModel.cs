namespace Riposte.Reports.Figures;

/// <summary>A table as the reader sees it: every cell already formatted (invariant culture), first column the label.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public enum ChartKind
{
    /// <summary>Horizontal bars, one per category, largest first.</summary>
    Bars,

    /// <summary>Vertical columns in a fixed order (months), optionally with the previous year beside them.</summary>
    Columns,

    /// <summary>DISARM tactics (rows) × their techniques (cells), shaded by count.</summary>
    HeatMap,
}

/// <summary>One value of a chart; <see cref="Group"/> is the heat map's row (the tactic).</summary>
public sealed record ChartPoint(string Label, double Value, double? Previous = null, string? Group = null, string? Title = null);

/// <summary>A chart: its file name (<c>Id</c>.svg/.png/.csv), title, the words for screen readers and its data.</summary>
public sealed record ChartSpec(string Id, string Title, ChartKind Kind, string AltText, IReadOnlyList<ChartPoint> Points, string ValueLabel, string? PreviousLabel = null, string? CurrentLabel = null);

/// <summary>One numbered section of the report: a chart, the table of its data and further tables.</summary>
public sealed record ReportSection(string Id, string Title, string Summary, ChartSpec Chart, IReadOnlyList<ReportTable> Tables);

/// <summary>Headline numbers shown on the first page.</summary>
public sealed record Headline(string Label, string Value);

/// <summary>Everything the report shows, computed before rendering so renderers only lay it out.</summary>
public sealed record AnnualReportModel(
    int Year,
    ReportEdition Edition,
    string Title,
    string Audience,
    IReadOnlyList<Headline> Headlines,
    IReadOnlyList<ReportSection> Sections);
