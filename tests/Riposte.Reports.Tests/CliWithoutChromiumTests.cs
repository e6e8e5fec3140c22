using Riposte.Cli;
using Riposte.Reports.Pdf;

namespace Riposte.Reports.Tests;

[CollectionDefinition(nameof(CliWithoutChromiumTests), DisableParallelization = true)]
public sealed class ChromiumEnvironmentCollection;

/// <summary>Runs alone: it points RIPOSTE_CHROMIUM, which is process-wide, at nothing.</summary>
[Collection(nameof(CliWithoutChromiumTests))]
public sealed class CliWithoutChromiumTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-report-nochromium-" + Guid.NewGuid().ToString("N"));
    private readonly string? _configured = Environment.GetEnvironmentVariable(ChromiumLocator.EnvironmentVariable);

    public CliWithoutChromiumTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task ReportAnnual_PdfAskedWithoutChromium_WritesTheRestAndExitsWithEnvironmentError()
    {
        Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, Path.Combine(_folder, "no-such-chromium"));
        var outDir = Path.Combine(_folder, "out");
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => new MemoryStream(), () => new MemoryStream(), interactive: false);

        var exit = await CliApp.RunAsync(["--db", Path.Combine(_folder, "store.db"), "report", "annual", "--year", "2026", "--edition", "public", "--out", outDir],
            console, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.UsageOrEnvironment, exit);
        Assert.Contains("chromium was not found", output.ToString() + error.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.False(File.Exists(Path.Combine(outDir, "report.pdf")));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, _configured);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a store file still held by a finaliser; the temp folder is cleaned by the OS
        }
    }
}
