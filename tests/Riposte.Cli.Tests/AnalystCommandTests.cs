using System.Text.RegularExpressions;

namespace Riposte.Cli.Tests;

/// <summary>The triage queue, lessons, channels and unlinking from the command line, with the same rules as the API.</summary>
public partial class AnalystCommandTests
{
    [GeneratedRegex(@"identity--[0-9a-f-]{36}")]
    private static partial Regex IdentityId();

    [GeneratedRegex(@"(incident|x-riposte-tip|x-riposte-channel|x-riposte-narrative|x-riposte-response|report|relationship|note)--[0-9a-f-]{36}")]
    private static partial Regex ObjectId();

    [GeneratedRegex(@"version (\S+)")]
    private static partial Regex Version();

    private static string IdIn(CliResult result, string type) =>
        ObjectId().Matches(result.Out).Select(m => m.Value).FirstOrDefault(v => v.StartsWith(type + "--", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no {type} id in: {result.Out}{result.Error}");

    private static async Task<string> IncidentAsync(CliRunner cli)
    {
        var created = await cli.RunAsync("incident", "create", "--name", "Forged dam memo", "--category", "information-manipulation");
        Assert.True(created.ExitCode == 0, created.Out + created.Error);
        return IdIn(created, "incident");
    }

    [Fact]
    public async Task Tip_SubmitWithBundleThenAccept_ImportsTheValidObjectAndReportsTheInvalidOneByPath()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");
        var org = IdentityId().Match((await cli.RunAsync("org", "add", "Nordvale Fact Check", "--tier", "outreach")).Out).Value;
        await cli.RunAsync("user", "add", "olga", "--org", org, "--role", "partner");
        await cli.RunAsync("user", "add", "otto", "--org", org, "--role", "partner");
        var bundle = cli.WriteFile("tip.json", """
            {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
              {"type": "threat-actor", "spec_version": "2.1", "id": "threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
               "created": "2026-10-01T00:00:00.000Z", "modified": "2026-10-01T00:00:00.000Z", "name": "Dam Memo Network"},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
               "created": "2026-10-01T00:00:00.000Z", "modified": "2026-10-01T00:00:00.000Z", "pattern_type": "stix"}
            ]}
            """);
        var screenshot = cli.WriteFile("shot.txt", "abc");

        var submitted = await cli.RunAsync("tip", "submit", "--as", "olga", "--text", "Forged memo pushed by a channel", "--link", "https://t.me/fake", "--file", screenshot, "--bundle", bundle);
        var tip = IdIn(submitted, "x-riposte-tip");
        var ownList = await cli.RunAsync("tip", "list", "--as", "olga");
        var otherList = await cli.RunAsync("tip", "list", "--as", "otto");
        var incident = await IncidentAsync(cli);
        var accepted = await cli.RunAsync("tip", "accept", tip, incident);
        var shown = await cli.RunAsync("incident", "show", incident);

        Assert.True(submitted.ExitCode == 0, submitted.Out + submitted.Error);
        Assert.Contains("$.objects[1]", submitted.Error, StringComparison.Ordinal);
        Assert.Contains(tip, ownList.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(tip, otherList.Out, StringComparison.Ordinal);
        Assert.Equal(1, accepted.ExitCode);
        Assert.Contains("imported 1 object(s)", accepted.Out, StringComparison.Ordinal);
        Assert.Contains("$.objects[1]", accepted.Error, StringComparison.Ordinal);
        Assert.Contains("stix threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", shown.Out, StringComparison.Ordinal);
        Assert.Contains("link https://t.me/fake", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tip_DismissWithoutReason_IsAUsageError()
    {
        using var cli = new CliRunner();
        var submitted = await cli.RunAsync("tip", "submit", "--text", "something odd");

        var dismissed = await cli.RunAsync("tip", "dismiss", IdIn(submitted, "x-riposte-tip"));

        Assert.Equal(2, dismissed.ExitCode);
        Assert.Contains("--reason", dismissed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_AddThenSearchByAWordOfItsContent_ListsIt()
    {
        using var cli = new CliRunner();
        var incident = await IncidentAsync(cli);

        var added = await cli.RunAsync("lesson", "add", "--title", "Answer within two days", "--content", "A quick joint statement outpaced the amplification.", "--about", incident);
        var found = await cli.RunAsync("lesson", "list", "--search", "amplification");
        var missing = await cli.RunAsync("lesson", "list", "--search", "sanctions");

        Assert.True(added.ExitCode == 0, added.Out + added.Error);
        Assert.Contains("Answer within two days", found.Out, StringComparison.Ordinal);
        Assert.Contains("0 lesson(s)", missing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lesson_AboutNothing_ExitsOneNamingTheField()
    {
        using var cli = new CliRunner();

        var added = await cli.RunAsync("lesson", "add", "--title", "t", "--content", "c", "--about", "incident--00000000-0000-4000-8000-000000000000");

        Assert.Equal(1, added.ExitCode);
        Assert.Contains("objectRefs[0]", added.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_UpdateFromAStaleVersion_IsRefusedAndTheNewerEditStands()
    {
        using var cli = new CliRunner();
        var created = await cli.RunAsync("channel", "create", "--name", "Nordvale Truth", "--platform", "telegram", "--handle", "nordvale_truth");
        var channel = IdIn(created, "x-riposte-channel");
        var firstVersion = Version().Match(created.Out).Groups[1].Value;

        var first = await cli.RunAsync("channel", "update", channel, "--expect-version", firstVersion, "--description", "seeds the forged memo");
        var stale = await cli.RunAsync("channel", "update", channel, "--expect-version", firstVersion, "--description", "harmless");
        var listed = await cli.RunAsync("channel", "list");
        var shown = await cli.RunAsync("channel", "show", channel);

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("has changed", stale.Error, StringComparison.Ordinal);
        Assert.Contains("nordvale_truth", listed.Out, StringComparison.Ordinal);
        Assert.Contains("seeds the forged memo", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incident_UntagAndUnlink_RemoveTheTechniqueAndTheLink()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");
        var incident = await IncidentAsync(cli);
        var narrative = await cli.RunAsync("narrative", "create", "--name", "The dam will burst");
        await cli.RunAsync("incident", "tag", incident, "T0049.003");
        var linked = await cli.RunAsync("narrative", "link", IdIn(narrative, "x-riposte-narrative"), "related-to", incident);

        var untagged = await cli.RunAsync("incident", "untag", incident, "T0049.003");
        var byTechnique = await cli.RunAsync("incident", "list", "--technique", "T0049.003");
        var unlinked = await cli.RunAsync("narrative", "unlink", IdIn(linked, "relationship"));
        var again = await cli.RunAsync("incident", "untag", incident, "T0049.003");

        Assert.True(untagged.ExitCode == 0, untagged.Out + untagged.Error);
        Assert.Contains("0 incident(s)", byTechnique.Out, StringComparison.Ordinal);
        Assert.True(unlinked.ExitCode == 0, unlinked.Out + unlinked.Error);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not tagged", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incident_HistoryAndDiff_ShowWhoChangedWhatAndTheValues()
    {
        using var cli = new CliRunner();
        var created = await cli.RunAsync("incident", "create", "--name", "Forged dam memo", "--category", "information-manipulation");
        var incident = IdIn(created, "incident");
        var first = Version().Match(created.Out).Groups[1].Value;
        await cli.RunAsync("incident", "update", incident, "--expect-version", first, "--impact", "ministry phone lines flooded");

        var history = await cli.RunAsync("incident", "history", incident);
        var diff = await cli.RunAsync("incident", "diff", incident, first);

        Assert.True(history.ExitCode == 0, history.Out + history.Error);
        Assert.Contains("created", history.Out, StringComparison.Ordinal);
        Assert.Contains("impact", history.Out, StringComparison.Ordinal);
        Assert.Contains("ministry phone lines flooded", diff.Out, StringComparison.Ordinal);
        Assert.Contains("1 change(s)", diff.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessResponseNarrative_ShowListAndUpdate_WorkLikeTheApi()
    {
        using var cli = new CliRunner();
        var incident = await IncidentAsync(cli);
        var org = IdentityId().Match((await cli.RunAsync("org", "add", "Ministry", "--tier", "member")).Out).Value;
        var drafted = await cli.RunAsync("assess", "create", "--name", "Dam memo assessment", "--object", incident, "--confidence", "70");
        var report = IdIn(drafted, "report");
        var response = IdIn(await cli.RunAsync("response", "create", "--name", "Joint statement", "--kind", "joint-statement", "--owner", org, "--incident", incident), "x-riposte-response");
        var narrative = IdIn(await cli.RunAsync("narrative", "create", "--name", "The dam will burst"), "x-riposte-narrative");

        var updatedReport = await cli.RunAsync("assess", "update", report, "--confidence", "90");
        var reports = await cli.RunAsync("assess", "list");
        var staleReview = await cli.RunAsync("assess", "review", report, "--reject", "--expect-version", Version().Match(drafted.Out).Groups[1].Value);
        var updatedResponse = await cli.RunAsync("response", "update", response, "--status", "completed", "--outcome", "published by 12 members");
        var shownResponse = await cli.RunAsync("response", "show", response);
        var badStatus = await cli.RunAsync("response", "update", response, "--status", "finished");
        var updatedNarrative = await cli.RunAsync("narrative", "update", narrative, "--description", "claims the dam will burst");
        var shownNarrative = await cli.RunAsync("narrative", "show", narrative);

        Assert.True(updatedReport.ExitCode == 0, updatedReport.Out + updatedReport.Error);
        Assert.Contains("Highly Likely", reports.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, staleReview.ExitCode);
        Assert.Contains("has changed", staleReview.Error, StringComparison.Ordinal);
        Assert.True(updatedResponse.ExitCode == 0, updatedResponse.Out + updatedResponse.Error);
        Assert.Contains("published by 12 members", shownResponse.Out, StringComparison.Ordinal);
        Assert.Equal(1, badStatus.ExitCode);
        Assert.Contains("status", badStatus.Error, StringComparison.Ordinal);
        Assert.True(updatedNarrative.ExitCode == 0, updatedNarrative.Out + updatedNarrative.Error);
        Assert.Contains("claims the dam will burst", shownNarrative.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseNarrative_HistoryAndDiff_ShowTheEditAndRefuseAnIdOfAnotherKind()
    {
        using var cli = new CliRunner();
        var incident = await IncidentAsync(cli);
        var org = IdentityId().Match((await cli.RunAsync("org", "add", "Ministry", "--tier", "member")).Out).Value;
        var created = await cli.RunAsync("response", "create", "--name", "Joint statement", "--kind", "joint-statement", "--owner", org, "--incident", incident);
        var response = IdIn(created, "x-riposte-response");
        var first = Version().Match(created.Out).Groups[1].Value;
        await cli.RunAsync("response", "update", response, "--status", "completed", "--outcome", "published by 12 members");
        var narrative = IdIn(await cli.RunAsync("narrative", "create", "--name", "The dam will burst"), "x-riposte-narrative");
        await cli.RunAsync("narrative", "update", narrative, "--description", "claims the dam will burst");

        var responseHistory = await cli.RunAsync("response", "history", response);
        var responseDiff = await cli.RunAsync("response", "diff", response, first);
        var narrativeHistory = await cli.RunAsync("narrative", "history", narrative);
        var wrongKind = await cli.RunAsync("narrative", "history", response);

        Assert.True(responseHistory.ExitCode == 0, responseHistory.Out + responseHistory.Error);
        Assert.Contains("recorded", responseHistory.Out, StringComparison.Ordinal);
        Assert.Contains("outcome", responseHistory.Out, StringComparison.Ordinal);
        Assert.Contains("published by 12 members", responseDiff.Out, StringComparison.Ordinal);
        Assert.True(narrativeHistory.ExitCode == 0, narrativeHistory.Out + narrativeHistory.Error);
        Assert.Contains("description", narrativeHistory.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, wrongKind.ExitCode);
    }
}
