using Microsoft.AspNetCore.Components;
using Riposte.Reports.Figures;

namespace Riposte.Reports.Html;

/// <summary>What the HTML template lays out: the figures, each chart's SVG, the editorial HTML and, for print, the contents' page numbers.</summary>
public sealed record ReportView(
    AnnualReportModel Model,
    IReadOnlyDictionary<string, string> Svgs,
    MarkupString? Foreword,
    IReadOnlyList<(string Id, string Title, MarkupString Html)> InFocus,
    MarkupString? Outlook,
    string Css,
    IReadOnlyDictionary<string, int>? Pages = null)
{
    /// <summary>The contents, in order: (anchor, title).</summary>
    public IReadOnlyList<(string Id, string Title)> Contents =>
    [
        .. Foreword is null ? Array.Empty<(string, string)>() : [("foreword", "Foreword")],
        ("at-a-glance", "The year at a glance"),
        .. Model.Sections.Select((s, i) => (s.Id, $"{i + 1}. {s.Title}")),
        .. InFocus.Select(f => (f.Id, $"In focus: {f.Title}")),
        .. Outlook is null ? Array.Empty<(string, string)>() : [("outlook", "Outlook")],
        ("method", "How this report was made"),
    ];
}
