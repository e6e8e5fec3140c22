namespace Riposte.Cli.Tests;

public class BrowseTests
{
    [Fact]
    public async Task Show_ByDisarmExternalId_FindsTheTechniqueAndItsRelationships()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");

        var result = await cli.RunAsync("show", "T0049.003");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Bots Amplify via Automated Forwarding and Reposting", result.Out, StringComparison.Ordinal);
        Assert.Contains("subtechnique-of", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownId_ExitsTwoAndSuggestsSearch()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("show", "attack-pattern--00000000-0000-4000-8000-000000000000");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("riposte search", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WordFromATechniqueName_FindsIt()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");

        var result = await cli.RunAsync("search", "flood information");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Flood Information Space", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaxonomyShow_TechniqueWithCounters_ShowsTheEthicsCaution()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("taxonomy", "show", "T0049");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Flood Information Space", result.Out, StringComparison.Ordinal);
        Assert.Contains("Caution", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaxonomyList_ByTactic_ListsOnlyThatTacticsTechniques()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("taxonomy", "list", "--tactic", "TA17");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("T0049", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("T0002 ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaxonomyList_UnknownTactic_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("taxonomy", "list", "--tactic", "TA99");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Validate_NeedsNoStore_AndReportsErrorsWithPaths()
    {
        using var cli = new CliRunner();
        var file = cli.WriteFile("bad.json", """
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","pattern":"[ipv4-addr:value = '10.0.0.1']","pattern_type":"stix","valid_from":"not a time"}
            """);

        var result = await cli.RunAsync("validate", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$.valid_from", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.Db));
    }
}
