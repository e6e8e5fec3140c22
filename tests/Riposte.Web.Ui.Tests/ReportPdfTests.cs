using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Reports;
using Riposte.Storage;
using Riposte.Web.Ui.Auth;
using Riposte.Web.Ui.Tests.Support;

namespace Riposte.Web.Ui.Tests;

/// <summary>The report download as a PDF: printed with chromium when it is installed, a clear 503 when it is not.</summary>
public sealed class ReportPdfTests(UiNodeFixture fixture) : IClassFixture<UiNodeFixture>
{
    private UiNode Node => fixture.Node;

    [Fact]
    public async Task ReportPdf_ChromiumInstalled_IsAPdfWithoutTheAmberIncidentForThePartner()
    {
        Assert.SkipWhen(Chromium.Executable is null, "chromium is not installed (.ci/run installs it; or set RIPOSTE_CHROMIUM)");
        using var partner = await UiClient.SignedInAsync(Node.BaseAddress, "partner");

        var response = await partner.GetAsync("reports/annual?year=2026&edition=members&format=pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.DoesNotContain("Amber dam memo", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPdf_ChromiumAbsent_Is503SayingHowToInstallIt()
    {
        using var scope = Node.Services.CreateScope();
        var services = scope.ServiceProvider;
        var builder = new AnnualReportBuilder(services.GetRequiredService<IStixStore>(), services.GetRequiredService<IAccessGate>(),
            services.GetRequiredService<OrganizationService>(), findChromium: () => null);
        var partner = UserService.PrincipalOf(services.GetRequiredService<UserService>().GetByName("partner")!);
        var context = new DefaultHttpContext { User = UiClaims.Of(partner, "partner"), RequestServices = services };

        var result = await ReportDownload.BuildAsync(context, builder, 2026, "public", "pdf");

        var text = Assert.IsType<ContentHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, text.StatusCode);
        Assert.Contains("apt-get install -y chromium", text.ResponseContent, StringComparison.Ordinal);
        Assert.Contains("RIPOSTE_CHROMIUM", text.ResponseContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportDownload_UnknownFormat_Is400NamingTheFormat()
    {
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var response = await analyst.GetAsync("reports/annual?year=2026&format=docx");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'docx' is not a format (zip, pdf)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsPage_ChromiumInstalled_OffersThePdf()
    {
        Assert.SkipWhen(Chromium.Executable is null, "chromium is not installed");
        using var analyst = await UiClient.SignedInAsync(Node.BaseAddress, "analyst");

        var page = await analyst.GetPageAsync("reports");

        Assert.Contains("<option value=\"pdf\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pdf-unavailable", page, StringComparison.Ordinal);
    }
}
