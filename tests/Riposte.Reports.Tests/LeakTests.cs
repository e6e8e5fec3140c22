using System.Text;
using Riposte.Reports.Tests.Support;
using UglyToad.PdfPig;

namespace Riposte.Reports.Tests;

/// <summary>The public edition leaks nothing: marker strings planted in non-CLEAR objects appear in no file it writes.</summary>
public sealed class LeakTests(BuiltReports built)
{
    [Fact]
    public void PublicEdition_TextFiles_HoldNoMarker()
    {
        var files = built.Public.Files.Where(f => Path.GetExtension(f) is ".html" or ".svg" or ".csv").ToList();
        Assert.Contains(files, f => f.EndsWith("report.html", StringComparison.Ordinal));
        Assert.True(files.Count(f => f.EndsWith(".svg", StringComparison.Ordinal)) >= 13);
        foreach (var file in files)
            Assert.DoesNotContain(Markers.Text, File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PublicEdition_PdfText_HoldsNoMarker()
    {
        if (!built.HasChromium)
            Assert.Skip("chromium is not installed (.ci/run installs it)");
        using var pdf = PdfDocument.Open(Path.Combine(built.PublicDir, "report.pdf"));
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
            text.Append(page.Text);
        Assert.Contains("Incidentsintotalandpermonth", Squash(text.ToString()), StringComparison.Ordinal);
        Assert.DoesNotContain(Markers.Text, text.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Markers.Text, Squash(text.ToString()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PublicEdition_ClearIncidentsReferencingHiddenObjects_AreCountedWithoutTheirNames()
    {
        var html = File.ReadAllText(Path.Combine(built.PublicDir, "report.html"));
        // The planted clear incident targets an event-less election; it is counted (x platform row exists) but names nothing hidden.
        Assert.DoesNotContain("red country", html, StringComparison.Ordinal);
        Assert.DoesNotContain("strict channel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("green narrative", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeEdition_HoldsTheMarkers_SoTheLeakTestCanFail()
    {
        var html = File.ReadAllText(Path.Combine(built.NodeDir, "report.html"));
        Assert.Contains($"{Markers.Text} amber actor", html, StringComparison.Ordinal);
        Assert.Contains($"{Markers.Text} green narrative", html, StringComparison.Ordinal);
        Assert.Contains($"{Markers.Text} election", html, StringComparison.Ordinal);
        Assert.Contains("zzmarkerplatform", File.ReadAllText(Path.Combine(built.NodeDir, "platforms.csv")), StringComparison.Ordinal);
    }

    // PdfPig may split or join words; compare without spaces too.
    private static string Squash(string text) => text.Replace(" ", "", StringComparison.Ordinal);
}
