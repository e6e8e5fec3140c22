using PuppeteerSharp;
using PuppeteerSharp.Media;
using UglyToad.PdfPig;

namespace Riposte.Reports.Pdf;

/// <summary>
/// Prints the report's HTML to an A4 PDF with chromium (PuppeteerSharp): page numbers in the footer and
/// a table of contents with the page of each section. Chromium cannot number contents itself, so the
/// report is printed once, the page of each section heading is read back (PdfPig), and it is printed
/// again with those numbers (the contents take the same space either way).
/// </summary>
public static class PdfPrinter
{
    private const string Footer =
        "<div style=\"width:100%;font-size:8pt;font-family:'DejaVu Sans',sans-serif;color:#555;padding:0 14mm;display:flex;justify-content:space-between\">" +
        "<span>{0}</span><span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>";

    public static async Task<byte[]> PrintAsync(string chromium, Func<IReadOnlyDictionary<string, int>?, Task<string>> html, IReadOnlyList<(string Id, string Heading)> contents, string footerText, CancellationToken cancellationToken = default)
    {
        var options = new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
        };
        await using var browser = await Puppeteer.LaunchAsync(options).ConfigureAwait(false);
        await using var page = await browser.NewPageAsync().ConfigureAwait(false);
        var pdf = new PdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<div></div>",
            FooterTemplate = string.Format(System.Globalization.CultureInfo.InvariantCulture, Footer, System.Net.WebUtility.HtmlEncode(footerText)),
            MarginOptions = new MarginOptions { Top = "16mm", Bottom = "18mm", Left = "14mm", Right = "14mm" },
            PreferCSSPageSize = false,
            Outline = true,
            Tagged = true,
        };

        // A placeholder number per entry, so the first print lays the contents out as the second will.
        var placeholders = contents.ToDictionary(c => c.Id, _ => 888, StringComparer.Ordinal);
        await page.SetContentAsync(await html(placeholders).ConfigureAwait(false)).ConfigureAwait(false);
        var first = await page.PdfDataAsync(pdf).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var pages = FindPages(first, contents);
        await page.SetContentAsync(await html(pages).ConfigureAwait(false)).ConfigureAwait(false);
        return await page.PdfDataAsync(pdf).ConfigureAwait(false);
    }

    /// <summary>The first page, after the contents page, whose text holds each heading.</summary>
    internal static Dictionary<string, int> FindPages(byte[] pdf, IReadOnlyList<(string Id, string Heading)> contents)
    {
        using var document = PdfDocument.Open(pdf);
        var texts = document.GetPages().Select(p => Squash(p.Text)).ToList();
        var pages = new Dictionary<string, int>(StringComparer.Ordinal);
        // Skip the cover and the contents, which list every heading: they end where the last entry first appears.
        var last = contents.Count == 0 ? "" : Squash(contents[^1].Heading);
        var from = texts.FindIndex(t => t.Contains(last, StringComparison.Ordinal)) + 1;
        foreach (var (id, heading) in contents)
        {
            var wanted = Squash(heading);
            for (var i = from; i < texts.Count; i++)
            {
                if (texts[i].Contains(wanted, StringComparison.Ordinal))
                {
                    pages[id] = i + 1;
                    from = i;
                    break;
                }
            }
        }
        return pages;
    }

    // PdfPig's text drops or adds spaces between words, and a font may still set ligatures: compare letters and digits only.
    private static string Squash(string text) => string.Concat(text.Where(char.IsLetterOrDigit))
        .Replace("\uFB00", "ff", StringComparison.Ordinal).Replace("\uFB01", "fi", StringComparison.Ordinal).Replace("\uFB02", "fl", StringComparison.Ordinal)
        .Replace("\uFB03", "ffi", StringComparison.Ordinal).Replace("\uFB04", "ffl", StringComparison.Ordinal);
}
