using System.Text.RegularExpressions;

namespace Riposte.Cli.Tests;

public partial class IncidentCommandTests
{
    [GeneratedRegex(@"incident--[0-9a-f-]{36}")]
    private static partial Regex IncidentId();

    [Fact]
    public async Task Incident_CreateTagAndList_FindsItByTechnique()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");

        var created = await cli.RunAsync("incident", "create", "--name", "Forged dam memo", "--category", "election-interference", "--platform", "telegram");
        var id = IncidentId().Match(created.Out + created.Error).Value;
        var tagged = await cli.RunAsync("incident", "tag", id, "T0049.003", "--description", "synchronised reposting");
        var listed = await cli.RunAsync("incident", "list", "--technique", "T0049.003");
        var other = await cli.RunAsync("incident", "list", "--technique", "T0002");

        Assert.True(created.ExitCode == 0, created.Out + created.Error);
        Assert.True(tagged.ExitCode == 0, tagged.Out + tagged.Error);
        Assert.Contains("Forged dam memo", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Forged dam memo", other.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentCreate_UnknownCategory_IsRejectedNamingTheField()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("incident", "create", "--name", "x", "--category", "weather");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("categor", result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
