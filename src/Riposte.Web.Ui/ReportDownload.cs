using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Riposte.Reports;
using Riposte.Reports.Pdf;
using Riposte.Web.Ui.Auth;

namespace Riposte.Web.Ui;

/// <summary>
/// <c>GET /reports/annual?year=&amp;edition=&amp;format=</c>: builds the annual report as the signed-in
/// user (members' edition: what they may see; public edition: TLP:CLEAR only) in memory and sends it
/// as a zip of its files (HTML, charts as SVG, PNG and CSV; <c>format=zip</c>, the default) or as the
/// printed PDF (<c>format=pdf</c>, printed with chromium). Without chromium the PDF answer is a 503
/// saying how to install it.
/// </summary>
public static class ReportDownload
{
    public const string PdfName = "report.pdf";

    /// <summary>What the reports page and a PDF download say when chromium is not installed.</summary>
    public static string PdfUnavailable =>
        "The PDF is not available on this node: chromium, which prints it, was not found. The node's operator installs it with "
        + $"'apt-get install -y chromium' or names it in {ChromiumLocator.EnvironmentVariable}. The zip (HTML report and charts) works without it.";

    public static async Task<IResult> BuildAsync(HttpContext context, AnnualReportBuilder builder, int? year, string? edition, string? format)
    {
        if (UiClaims.PrincipalOf(context.User) is not { } principal)
            return Results.Unauthorized();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var chosenYear = year ?? DateTime.UtcNow.Year - 1;
        if (chosenYear is < 2000 or > 2100)
            errors["year"] = [$"{chosenYear} is not a report year (2000-2100)"];
        var chosenEdition = edition?.ToLowerInvariant() switch
        {
            null or "members" => ReportEdition.Members,
            "public" => ReportEdition.Public,
            _ => (ReportEdition?)null,
        };
        if (chosenEdition is null)
            errors["edition"] = [$"'{edition}' is not an edition (members, public)"];
        var pdf = format?.ToLowerInvariant() switch
        {
            null or "zip" => false,
            "pdf" => true,
            _ => (bool?)null,
        };
        if (pdf is null)
            errors["format"] = [$"'{format}' is not a format (zip, pdf)"];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var report = await builder.RenderAsync(new AnnualReportRequest(chosenYear, chosenEdition!.Value, principal, Pdf: pdf!.Value), context.RequestAborted);
        var name = string.Create(CultureInfo.InvariantCulture, $"riposte-annual-report-{chosenYear}-{chosenEdition.Value.ToString().ToLowerInvariant()}");
        if (pdf.Value)
        {
            return report.Files.FirstOrDefault(f => f.Name == PdfName) is { } printed
                ? Results.File(printed.Content, "application/pdf", name + ".pdf")
                : Results.Text(PdfUnavailable, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in report.Files)
            {
                await using var entry = await archive.CreateEntry(file.Name, CompressionLevel.Fastest).OpenAsync(context.RequestAborted);
                await entry.WriteAsync(file.Content, context.RequestAborted);
            }
        }
        zip.Position = 0;
        return Results.File(zip, "application/zip", name + ".zip");
    }
}
