using Riposte.Reports.Tests.Support;
using UglyToad.PdfPig;

namespace Riposte.Reports.Tests;

public sealed class PdfTests(BuiltReports built)
{
    [Fact]
    public void Pdf_Opens_A4WithSectionsContentsAndPageNumbers()
    {
        if (!built.HasChromium)
            Assert.Skip("chromium is not installed (.ci/run installs it)");
        using var pdf = PdfDocument.Open(Path.Combine(built.PublicDir, "report.pdf"));
        Assert.True(pdf.NumberOfPages >= 10, $"{pdf.NumberOfPages} pages");
        var first = pdf.GetPage(1);
        Assert.InRange(first.Width, 590, 600);   // A4: 595 x 842 points
        Assert.InRange(first.Height, 837, 847);
        var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var all = string.Concat(pages);
        foreach (var title in new[] { "Contents", "Incidentsintotalandpermonth", "Bycategory", "Byactor", "DISARMtechniques", "Responses", "Changefromthepreviousyear", "Foreword", "Outlook" })
            Assert.Contains(title, all, StringComparison.Ordinal);
        var total = pdf.NumberOfPages;
        Assert.Contains($"3/{total}", pages[2], StringComparison.Ordinal);
        Assert.DoesNotContain("888", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_Contents_FindEveryHeadingOnALaterPage()
    {
        if (!built.HasChromium)
            Assert.Skip("chromium is not installed (.ci/run installs it)");
        var model = built.Node.Builder().Compute(new AnnualReportRequest(ReportNode.Year, ReportEdition.Public, Riposte.Access.Principal.System), TestContext.Current.CancellationToken);
        var contents = Riposte.Reports.Html.HtmlReportRenderer.View(model, new Dictionary<string, string>(), BuiltReports.Editorial).Contents;
        var pages = Riposte.Reports.Pdf.PdfPrinter.FindPages(File.ReadAllBytes(Path.Combine(built.PublicDir, "report.pdf")), contents);
        Assert.Equal(contents.Select(c => c.Id), pages.Keys);
        Assert.True(pages.Values.Zip(pages.Values.Skip(1)).All(p => p.First <= p.Second), "pages in reading order");
        Assert.True(pages.Values.Min() > 2, "after the cover and the contents");
    }
}
