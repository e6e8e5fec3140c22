using System.Text;
using Riposte.Access;
using Riposte.Reports.Charts;
using Riposte.Reports.Data;
using Riposte.Reports.Figures;
using Riposte.Reports.Html;
using Riposte.Reports.Pdf;
using Riposte.Storage;

namespace Riposte.Reports;

/// <summary>
/// The annual report in one call: reads through the access gate, computes every figure, and writes
/// report.html (self-contained), report.pdf (A4, when chromium is installed) and, per chart, its SVG,
/// PNG and CSV. Used by <c>riposte report annual</c> and the web UI.
/// </summary>
/// <param name="findChromium">Where chromium is (null: not installed); default <see cref="ChromiumLocator.Find"/>.</param>
public sealed class AnnualReportBuilder(IStixStore store, IAccessGate gate, OrganizationService organisations, Func<string?>? findChromium = null)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Every figure of the report, as the request's reader may see them (what the files show).</summary>
    public AnnualReportModel Compute(AnnualReportRequest request, CancellationToken cancellationToken = default)
    {
        var data = ReportDataReader.Read(store, gate, request.Edition, request.Requester, cancellationToken);
        // Only organisations this edition may name: their identity is in the data.
        var tiers = organisations.List().Where(o => data.Get(o.Id) is not null)
            .ToDictionary(o => o.Id, o => o.Tier.ToString().ToLowerInvariant(), StringComparer.Ordinal);
        return AnnualFigures.Compute(data, request.Year, request.Edition, request.Title, Audience(request), tiers);
    }

    public async Task<AnnualReportResult> BuildAsync(AnnualReportRequest request, string outDir, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outDir);
        var model = Compute(request, cancellationToken);

        var files = new List<string>();
        var warnings = new List<string>();
        var svgs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in model.Sections)
        {
            var chart = section.Chart;
            var svg = SvgCharts.Render(chart);
            svgs[chart.Id] = svg;
            files.Add(await WriteAsync(outDir, chart.Id + ".svg", svg, cancellationToken).ConfigureAwait(false));
            files.Add(await WriteAsync(outDir, chart.Id + ".csv", ChartCsv.Write(chart, section.Tables[0]), cancellationToken).ConfigureAwait(false));
            var png = Path.Combine(outDir, chart.Id + ".png");
            await File.WriteAllBytesAsync(png, PngRasteriser.Render(svg), cancellationToken).ConfigureAwait(false);
            files.Add(png);
        }

        var view = HtmlReportRenderer.View(model, svgs, request.Editorial ?? EditorialContent.None);
        var html = await HtmlReportRenderer.RenderAsync(view).ConfigureAwait(false);
        files.Add(await WriteAsync(outDir, "report.html", html, cancellationToken).ConfigureAwait(false));

        if (request.Pdf)
        {
            if ((findChromium ?? ChromiumLocator.Find)() is { } chromium)
            {
                var contents = view.Contents;
                var pdf = await PdfPrinter.PrintAsync(chromium, pages => HtmlReportRenderer.RenderAsync(view with { Pages = pages }), contents,
                    $"{model.Title} {model.Year} — {(request.Edition == ReportEdition.Public ? "TLP:CLEAR" : "members' edition")}", cancellationToken).ConfigureAwait(false);
                var path = Path.Combine(outDir, "report.pdf");
                await File.WriteAllBytesAsync(path, pdf, cancellationToken).ConfigureAwait(false);
                files.Add(path);
            }
            else
            {
                warnings.Add(ChromiumLocator.MissingMessage);
            }
        }
        return new AnnualReportResult(files, warnings);
    }

    private string Audience(AnnualReportRequest request)
    {
        if (request.Edition == ReportEdition.Public)
            return "Public edition: built only from information marked TLP:CLEAR.";
        if (request.Requester.IsSystem)
            return "Members' edition: everything this node holds.";
        var name = organisations.Get(request.Requester.OrganizationId)?.Name ?? request.Requester.OrganizationId;
        return $"Members' edition for {name}: what {name} may see on this node.";
    }

    private static async Task<string> WriteAsync(string outDir, string name, string text, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outDir, name);
        await File.WriteAllTextAsync(path, text, Utf8, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
