using Riposte.Reports.Figures;

namespace Riposte.Reports.Charts;

/// <summary>Draws a chart spec as SVG: ranked bars, monthly columns (with last year beside them) or the DISARM heat map.</summary>
public static class SvgCharts
{
    private const double Width = 760;
    private const string Current = "#1f5fa8";
    private const string Previous = "#b9c7d8";
    private const string Grid = "#d9d9d9";

    public static string Render(ChartSpec chart) => chart.Kind switch
    {
        ChartKind.Bars => Bars(chart),
        ChartKind.Columns => Columns(chart),
        ChartKind.HeatMap => HeatMap(chart),
        _ => throw new ArgumentOutOfRangeException(nameof(chart), chart.Kind, "unknown chart kind"),
    };

    private static string Bars(ChartSpec chart)
    {
        const double label = 300, row = 24, top = 34, right = 70;
        var height = top + Math.Max(1, chart.Points.Count) * row + 12;
        var svg = new SvgWriter(chart.Id, Width, height, chart.Title, chart.AltText);
        svg.Text(0, 18, chart.Title, 15, bold: true);
        if (chart.Points.Count == 0)
            svg.Text(label, top + 16, "No data", 12, fill: "#666666");
        var max = chart.Points.Count == 0 ? 1 : Math.Max(1, chart.Points.Max(p => p.Value));
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var p = chart.Points[i];
            var y = top + i * row;
            var w = (Width - label - right) * p.Value / max;
            svg.Text(label - 8, y + 16, SvgWriter.Fit(p.Label, 46), 12, "end");
            svg.Rect(label, y + 4, Math.Max(1, w), row - 8, Current, $"{p.Label}: {Format.N((long)p.Value)}");
            svg.Text(label + w + 6, y + 16, Format.N((long)p.Value), 12);
        }
        return svg.ToString();
    }

    private static string Columns(ChartSpec chart)
    {
        const double left = 60, top = 56, plot = 240, bottom = 46;
        var height = top + plot + bottom;
        var svg = new SvgWriter(chart.Id, Width, height, chart.Title, chart.AltText);
        svg.Text(0, 18, chart.Title, 15, bold: true);
        Legend(svg, chart);
        var max = Math.Max(1, chart.Points.Select(p => Math.Max(p.Value, p.Previous ?? 0)).DefaultIfEmpty(1).Max());
        var step = NiceStep(max);
        var axisMax = Math.Ceiling(max / step) * step;
        for (var v = 0.0; v <= axisMax + step / 100; v += step)
        {
            var y = top + plot - plot * v / axisMax;
            svg.Line(left, y, Width - 10, y, Grid);
            svg.Text(left - 6, y + 4, Format.N((long)v), 11, "end", "#555555");
        }
        var scale = plot / axisMax;
        var slot = (Width - left - 10) / Math.Max(1, chart.Points.Count);
        var bar = Math.Min(28, slot / 2.6);
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var p = chart.Points[i];
            var x = left + i * slot + slot / 2;
            if (p.Previous is { } before)
                svg.Rect(x - bar - 1, top + plot - before * scale, bar, before * scale, Previous, $"{p.Label} {chart.PreviousLabel}: {Format.N((long)before)}");
            svg.Rect(p.Previous is null ? x - bar / 2 : x + 1, top + plot - p.Value * scale, bar, p.Value * scale, Current, $"{p.Label} {chart.CurrentLabel}: {Format.N((long)p.Value)}");
            svg.Text(x, top + plot + 16, SvgWriter.Fit(p.Label, (int)(slot / 7)), 11, "middle");
        }
        svg.Line(left, top + plot, Width - 10, top + plot, "#333333");
        return svg.ToString();
    }

    private static void Legend(SvgWriter svg, ChartSpec chart)
    {
        if (chart.PreviousLabel is null)
            return;
        svg.Rect(0, 30, 12, 12, Previous);
        svg.Text(18, 40, chart.PreviousLabel, 12);
        svg.Rect(90, 30, 12, 12, Current);
        svg.Text(108, 40, chart.CurrentLabel ?? "", 12);
    }

    private static string HeatMap(ChartSpec chart)
    {
        const double label = 250, cell = 50, row = 26, top = 34, perLine = 10;
        var rows = chart.Points.GroupBy(p => p.Group ?? "").ToList();
        var lines = rows.Sum(r => (int)Math.Ceiling(r.Count() / perLine));
        var height = top + Math.Max(1, lines) * row + 30;
        var svg = new SvgWriter(chart.Id, Width, height, chart.Title, chart.AltText);
        svg.Text(0, 18, chart.Title, 15, bold: true);
        var max = chart.Points.Count == 0 ? 1 : Math.Max(1, chart.Points.Max(p => p.Value));
        var y = top;
        foreach (var tactic in rows)
        {
            svg.Text(label - 8, y + 17, SvgWriter.Fit(tactic.Key, 38), 11, "end");
            var k = 0;
            foreach (var p in tactic)
            {
                var x = label + (k % perLine) * cell;
                var shade = p.Value / max;
                svg.Rect(x, y + 2, cell - 3, row - 4, Shade(shade), $"{p.Label} {p.Title}: {Format.N((long)p.Value)} incidents");
                svg.Text(x + (cell - 3) / 2, y + 17, p.Label, 9, "middle", shade > 0.5 ? "#ffffff" : "#1a1a1a");
                k++;
                if (k % perLine == 0 && k < tactic.Count())
                    y += row;
            }
            y += row;
        }
        if (chart.Points.Count == 0)
            svg.Text(label, top + 16, "No data", 12, fill: "#666666");
        svg.Text(label, y + 18, $"Darkest: {Format.N((long)max)} incidents", 11, fill: "#555555");
        return svg.ToString();
    }

    // From pale to the report blue; the value is also in each cell's tooltip and in the table.
    private static string Shade(double t)
    {
        t = Math.Clamp(t, 0, 1);
        static int Mix(int a, int b, double t) => (int)Math.Round(a + (b - a) * t);
        return $"#{Mix(0xe8, 0x0b, t):x2}{Mix(0xf0, 0x3d, t):x2}{Mix(0xf8, 0x7a, t):x2}";
    }

    private static double NiceStep(double max)
    {
        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var n = raw / magnitude;
        return Math.Max(1, (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude);
    }
}
