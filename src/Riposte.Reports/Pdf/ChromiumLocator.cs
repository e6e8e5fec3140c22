namespace Riposte.Reports.Pdf;

/// <summary>Finds the chromium the PDF is printed with: RIPOSTE_CHROMIUM, else Debian's /usr/bin/chromium (or chromium-browser, google-chrome).</summary>
public static class ChromiumLocator
{
    public const string EnvironmentVariable = "RIPOSTE_CHROMIUM";
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : null;
        return Candidates.FirstOrDefault(File.Exists);
    }

    public static string MissingMessage =>
        $"chromium was not found (looked at {EnvironmentVariable} and {string.Join(", ", Candidates)}), so report.pdf was not written; " +
        "install it with 'apt-get install -y chromium' or set " + EnvironmentVariable + "; the HTML, SVG, PNG and CSV files were written";
}
