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
}
