namespace Riposte.Cli.Tests;

public class IngestCommandTests
{
    private static string Formats => TestPaths.SharedFile("data", "formats");

    [Fact]
    public async Task Ingest_EverySampleFormat_AddsPostsAndReingestAddsNothing()
    {
        using var cli = new CliRunner();

        var first = await cli.RunAsync("ingest", "--no-language-detection", Formats);
        var again = await cli.RunAsync("ingest", "--no-language-detection", Formats);

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Contains("twarc2", first.Out, StringComparison.Ordinal);
        Assert.Contains("telegram-desktop", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"[1-9][0-9]* posts added", first.Out);
        Assert.Contains("0 posts added", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownFormatFile_ExitsOneAndListsTheFormats()
    {
        using var cli = new CliRunner();
        var file = cli.WriteFile("notes.dat", "just some words, not an export\n");

        var result = await cli.RunAsync("ingest", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mastodon", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownFormatName_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("ingest", "--format", "myspace", Formats);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("twarc2", result.Error, StringComparison.Ordinal);
    }
}
