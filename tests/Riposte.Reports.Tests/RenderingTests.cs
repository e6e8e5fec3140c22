using Riposte.Access;
using Riposte.Reports.Tests.Support;

namespace Riposte.Reports.Tests;

public sealed class RenderingTests(BuiltReports built)
{
    [Fact]
    public async Task BuildAsync_SameData_SameFilesByteForByte()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new AnnualReportRequest(ReportNode.Year, ReportEdition.Public, Principal.System, BuiltReports.Editorial, Pdf: false);
        var again = built.Node.Folder("public-again");
        await built.Node.Builder().BuildAsync(request, again, ct);
        foreach (var file in built.Public.Files.Where(f => !f.EndsWith(".pdf", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file)))), $"{Path.GetFileName(file)} differs between two builds");
    }

    [Fact]
    public void BuildAsync_EveryChart_HasSvgPngCsvAndATableWithAltText()
    {
        var html = File.ReadAllText(Path.Combine(built.PublicDir, "report.html"));
        var charts = built.Public.Files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(13, charts.Count);
        foreach (var chart in charts)
        {
            Assert.True(File.Exists(Path.Combine(built.PublicDir, chart + ".csv")), chart + ".csv");
            var png = File.ReadAllBytes(Path.Combine(built.PublicDir, chart + ".png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Contains($"aria-labelledby=\"{chart}-title {chart}-desc\"", html, StringComparison.Ordinal);
            Assert.Contains($"<desc id=\"{chart}-desc\">", html, StringComparison.Ordinal);
        }
        Assert.True(html.Split("<table class=\"data\">").Length - 1 >= charts.Count, "a data table beside every chart");
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildAsync_Csv_IsTheChartsFullTable()
    {
        var csv = File.ReadAllLines(Path.Combine(built.PublicDir, "categories.csv"));
        Assert.Equal("Category,Incidents,Share", csv[0]);
        Assert.All(csv.Skip(1), line => Assert.Matches(@"^[a-z-]+,\d+,\d+\.\d%$", line));
    }

    [Fact]
    public void BuildAsync_Editorial_RenderedWithRawHtmlEscaped()
    {
        var html = File.ReadAllText(Path.Combine(built.PublicDir, "report.html"));
        Assert.Contains("<em>steady</em>", html, StringComparison.Ordinal);
        Assert.Contains("In focus: The leaked dam memo", html, StringComparison.Ordinal);
        Assert.Contains("id=\"outlook\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NoChromium_SaysSoAndWritesTheRest()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = built.Node.Folder("no-chromium");
        var result = await built.Node.Builder(chromium: () => null).BuildAsync(new AnnualReportRequest(ReportNode.Year, ReportEdition.Public, Principal.System), dir, ct);
        Assert.Contains(result.Warnings, w => w.Contains("chromium was not found", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(dir, "report.pdf")));
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        Assert.Equal(13 * 3 + 1, result.Files.Count);
    }

    [Fact]
    public void EditorialContent_MissingFile_NamesIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => EditorialContent.FromFiles("/nonexistent/foreword.md", [], null));
        Assert.Contains("/nonexistent/foreword.md", e.Message, StringComparison.Ordinal);
    }
}
