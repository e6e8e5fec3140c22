using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Riposte.Reports.Figures;

namespace Riposte.Reports.Html;

/// <summary>
/// Renders the report into one self-contained HTML file with Razor components (HtmlRenderer): inline
/// CSS, inline SVG charts, a data table beside every chart. Editorial Markdown is converted with raw
/// HTML disabled, so a Markdown file cannot inject markup or scripts.
/// </summary>
public static class HtmlReportRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(HtmlReportRenderer).Assembly.GetManifestResourceStream("Riposte.Reports.report.css")
            ?? throw new InvalidOperationException("report.css is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static ReportView View(AnnualReportModel model, IReadOnlyDictionary<string, string> svgs, EditorialContent editorial) => new(
        model, svgs,
        editorial.Foreword is { } f ? ToHtml(f) : null,
        [.. editorial.InFocus.Select((p, i) => ($"in-focus-{i + 1}", TitleOf(p), ToHtml(p.Markdown)))],
        editorial.Outlook is { } o ? ToHtml(o) : null,
        Css.Value);

    public static async Task<string> RenderAsync(ReportView view)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ReportDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["View"] = view }));
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        return "<!DOCTYPE html>\n" + html;
    }

    private static MarkupString ToHtml(string markdown) => new(Markdig.Markdown.ToHtml(markdown, Markdown));

    /// <summary>A case study's title: its first heading, else its file name.</summary>
    private static string TitleOf(EditorialPiece piece)
    {
        foreach (var line in piece.Markdown.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#'))
                return trimmed.TrimStart('#').Trim();
        }
        return piece.Name;
    }
}
