using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Riposte.Reports;
using Riposte.Web.Ui.Auth;

namespace Riposte.Web.Ui;

/// <summary>
/// <c>GET /reports/annual?year=&amp;edition=</c>: builds the annual report as the signed-in user
/// (members' edition: what they may see; public edition: TLP:CLEAR only) and sends its files as a
/// zip (HTML, charts as SVG, PNG and CSV), built in memory. The PDF is left to <c>riposte report annual</c>: printing
/// it with chromium takes too long for a request.
/// </summary>
public static class ReportDownload
{
    public static async Task<IResult> BuildAsync(HttpContext context, AnnualReportBuilder builder, int? year, string? edition)
    {
        if (UiClaims.PrincipalOf(context.User) is not { } principal)
            return Results.Unauthorized();
        var chosenYear = year ?? DateTime.UtcNow.Year - 1;
        if (chosenYear is < 2000 or > 2100)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"{chosenYear} is not a report year (2000-2100)"] });
        var chosenEdition = edition?.ToLowerInvariant() switch
        {
            null or "members" => ReportEdition.Members,
            "public" => ReportEdition.Public,
            _ => (ReportEdition?)null,
        };
        if (chosenEdition is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["edition"] = [$"'{edition}' is not an edition (members, public)"] });

        var report = await builder.RenderAsync(new AnnualReportRequest(chosenYear, chosenEdition.Value, principal, Pdf: false), context.RequestAborted);
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
        var name = string.Create(CultureInfo.InvariantCulture, $"riposte-annual-report-{chosenYear}-{chosenEdition.Value.ToString().ToLowerInvariant()}.zip");
        return Results.File(zip, "application/zip", name);
    }
}
