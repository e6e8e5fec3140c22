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

    /// <summary>Builds the report and writes its files into <paramref name="outDir"/>.</summary>
    public async Task<AnnualReportResult> BuildAsync(AnnualReportRequest request, string outDir, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outDir);
        var rendered = await RenderAsync(request, cancellationToken).ConfigureAwait(false);
        var files = new List<string>(rendered.Files.Count);
        foreach (var file in rendered.Files)
        {
            var path = Path.Combine(outDir, file.Name);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken).ConfigureAwait(false);
            files.Add(path);
        }
        return new AnnualReportResult(files, rendered.Warnings);
    }

    /// <summary>Builds the report in memory: each file's name and bytes, in the order <see cref="BuildAsync"/> writes them.</summary>
    public async Task<RenderedReport> RenderAsync(AnnualReportRequest request, CancellationToken cancellationToken = default)
    {
        var model = Compute(request, cancellationToken);

        var files = new List<ReportFile>();
        var warnings = new List<string>();
        var svgs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in model.Sections)
        {
            var chart = section.Chart;
            var svg = SvgCharts.Render(chart);
            svgs[chart.Id] = svg;
            files.Add(Text(chart.Id + ".svg", svg));
            files.Add(Text(chart.Id + ".csv", ChartCsv.Write(chart, section.Tables[0])));
            files.Add(new ReportFile(chart.Id + ".png", PngRasteriser.Render(svg)));
        }

        var view = HtmlReportRenderer.View(model, svgs, request.Editorial ?? EditorialContent.None);
        files.Add(Text("report.html", await HtmlReportRenderer.RenderAsync(view).ConfigureAwait(false)));

        if (request.Pdf)
        {
            if ((findChromium ?? ChromiumLocator.Find)() is { } chromium)
            {
                var pdf = await PdfPrinter.PrintAsync(chromium, pages => HtmlReportRenderer.RenderAsync(view with { Pages = pages }), view.Contents,
                    $"{model.Title} {model.Year} — {(request.Edition == ReportEdition.Public ? "TLP:CLEAR" : "members' edition")}", cancellationToken).ConfigureAwait(false);
                files.Add(new ReportFile("report.pdf", pdf));
            }
            else
            {
                warnings.Add(ChromiumLocator.MissingMessage);
            }
        }
        return new RenderedReport(files, warnings);
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

    private static ReportFile Text(string name, string text) => new(name, Utf8.GetBytes(text));
}
