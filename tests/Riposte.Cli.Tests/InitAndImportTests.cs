using System.Text.Json.Nodes;

namespace Riposte.Cli.Tests;

public class InitAndImportTests
{
    private static string Examples => TestPaths.SharedFile("data", "stix2-json-schemas", "examples");

    [Fact]
    public async Task Init_Twice_LoadsDisarmOnceAndChangesNothingTheSecondTime()
    {
        using var cli = new CliRunner();

        var first = await cli.RunAsync("init");
        var second = await cli.RunAsync("init");
        var stats = await cli.RunAsync("stats");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 added", second.Out.Replace("(0 added", "0 added", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Matches(@"attack-pattern\s*│\s*391", stats.Out);
        Assert.Matches(@"course-of-action\s*│\s*140", stats.Out);
        Assert.Matches(@"x-mitre-tactic\s*│\s*16", stats.Out);
    }

    [Fact]
    public async Task Import_OasisExamples_StoresThemAndReimportChangesNothing()
    {
        using var cli = new CliRunner();

        var first = await cli.RunAsync("import", Examples);
        var again = await cli.RunAsync("import", Examples);

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        // imported > 0, conflicts 0, rejected 0 (two example files share one object: it counts as unchanged)
        Assert.Matches(@"│\s*[1-9][0-9]*\s*│\s*[0-9]+\s*│\s*0\s*│\s*0\s*│", first.Out);
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"│\s*0\s*│\s*[1-9][0-9]*\s*│\s*0\s*│\s*0\s*│", again.Out);
    }

    [Fact]
    public async Task Import_BundleWithOneBadObject_KeepsTheValidOnesAndNamesTheBadOne()
    {
        using var cli = new CliRunner();
        var file = cli.WriteFile("mixed.json", """
            {"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
              {"type":"identity","spec_version":"2.1","id":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"Good","identity_class":"organization"},
              {"type":"identity","spec_version":"2.1","id":"identity--not-a-uuid","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"Bad"}
            ]}
            """);

        var result = await cli.RunAsync("import", file);
        var show = await cli.RunAsync("show", "identity--311b2d2d-f010-4473-83ec-1edf84858f4c");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mixed.json:3", result.Error, StringComparison.Ordinal);
        Assert.Contains("identity--not-a-uuid", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.objects[1]", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Good", show.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-json.json", "this is not json")]
    [InlineData("truncated.json", "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[{\"type\":\"identity\"")]
    [InlineData("empty.json", "")]
    public async Task Import_BrokenFile_ExitsOneWithTheFileNamed(string name, string content)
    {
        using var cli = new CliRunner();
        var file = cli.WriteFile(name, content);

        var result = await cli.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(name, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingPath_ExitsTwoAndSaysWhatToDo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("import", Path.Combine(cli.Folder, "nowhere.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FromStandardInput_Works()
    {
        using var cli = new CliRunner();
        var bundle = File.ReadAllBytes(Path.Combine(Examples, "indicator-for-c2-ip-address.json"));

        var result = await cli.RunWithInputAsync(bundle, "import", "-");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("stats", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
    }
}
