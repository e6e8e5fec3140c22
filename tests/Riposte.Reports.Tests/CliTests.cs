using Riposte.Cli;

namespace Riposte.Reports.Tests;

/// <summary><c>riposte demo seed</c> and <c>riposte report annual</c> as a user runs them.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-report-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task DemoSeed_Twice_SecondAddsNothing()
    {
        var first = await Run("demo", "seed", "--incidents", "20", "--year", "2026", "--seed", "3");
        Assert.Equal(ExitCodes.Ok, first.Exit);
        Assert.Contains("0 rejected", first.Output, StringComparison.Ordinal);
        var second = await Run("demo", "seed", "--incidents", "20", "--year", "2026", "--seed", "3");
        Assert.Equal(ExitCodes.Ok, second.Exit);
        Assert.Contains(" 0 objects added", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAnnual_MembersAsOrganisationName_WritesReportWithoutPdf()
    {
        await Run("demo", "seed", "--incidents", "20", "--year", "2026", "--seed", "4");
        var foreword = Path.Combine(_folder, "foreword.md");
        await File.WriteAllTextAsync(foreword, "# Foreword\n\nWritten by the secretariat.", TestContext.Current.CancellationToken);
        var outDir = Path.Combine(_folder, "out");
        var result = await Run("report", "annual", "--year", "2026", "--edition", "members", "--as", "Estmark Government Office", "--foreword", foreword, "--no-pdf", "--out", outDir);
        Assert.Equal(ExitCodes.Ok, result.Exit);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"), TestContext.Current.CancellationToken);
        Assert.Contains("Members&#x27; edition for Estmark Government Office", html, StringComparison.Ordinal);
        Assert.Contains("Written by the secretariat.", html, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "report.pdf")));
    }

    [Fact]
    public async Task ReportAnnual_AsWithPublic_RefusedWithReason()
    {
        var result = await Run("report", "annual", "--edition", "public", "--as", "Estmark Government Office", "--out", Path.Combine(_folder, "x"));
        Assert.Equal(ExitCodes.UsageOrEnvironment, result.Exit);
        Assert.Contains("--as applies to the members' edition", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAnnual_UnknownOrganisationOrMissingFile_NamesIt()
    {
        var unknown = await Run("report", "annual", "--edition", "members", "--as", "Nobody", "--out", Path.Combine(_folder, "x"));
        Assert.Equal(ExitCodes.UsageOrEnvironment, unknown.Exit);
        Assert.Contains("no organisation 'Nobody'", unknown.Error, StringComparison.Ordinal);
        var missing = await Run("report", "annual", "--edition", "public", "--outlook", "/nonexistent/outlook.md", "--out", Path.Combine(_folder, "x"));
        Assert.Equal(ExitCodes.UsageOrEnvironment, missing.Exit);
        Assert.Contains("/nonexistent/outlook.md", missing.Error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => new MemoryStream(), () => new MemoryStream(), interactive: false);
        var exit = await CliApp.RunAsync(["--db", Path.Combine(_folder, "store.db"), .. args], console, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
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
