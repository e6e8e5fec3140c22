using System.Text.Json.Nodes;
using Riposte.Stix.Validation;

namespace Riposte.Cli.Tests;

public class ExportTests
{
    [Fact]
    public async Task Export_EverythingAfterInit_IsOneValidBundleOfValidObjects()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");

        var result = await cli.RunAsync("export", "--out", "-");

        Assert.Equal(0, result.ExitCode);
        var bundle = JsonNode.Parse(result.Data)!.AsObject();
        Assert.Equal("bundle", (string?)bundle["type"]);
        var objects = bundle["objects"]!.AsArray();
        Assert.True(objects.Count > 800);
        foreach (var node in objects)
        {
            var verdict = StixValidator.Validate(new Riposte.Stix.StixObject(node!.DeepClone().AsObject()));
            Assert.True(verdict.IsValid, $"{node!["id"]}: {string.Join("; ", verdict.Errors)}");
        }
    }

    [Fact]
    public async Task Export_ByType_WritesOnlyThatTypeToAFile()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");
        var path = Path.Combine(cli.Folder, "counters.json");

        var result = await cli.RunAsync("export", "--type", "course-of-action", "--out", path);

        Assert.Equal(0, result.ExitCode);
        var objects = JsonNode.Parse(File.ReadAllText(path))!["objects"]!.AsArray();
        Assert.Equal(140, objects.Count);
        Assert.All(objects, o => Assert.Equal("course-of-action", (string?)o!["type"]));
    }

    [Fact]
    public async Task Export_RelatedTo_ReturnsTheRelationshipsAndTheirEnds()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");
        const string T0049 = "attack-pattern--0c765d19-99b2-4703-af48-e20a677c4bfc";

        var result = await cli.RunAsync("export", "--related-to", T0049);

        var objects = JsonNode.Parse(result.Data)!["objects"]!.AsArray();
        Assert.Contains(objects, o => (string?)o!["type"] == "relationship" && (string?)o["relationship_type"] == "subtechnique-of");
        Assert.All(objects.Where(o => (string?)o!["type"] == "relationship"),
            o => Assert.True((string?)o!["source_ref"] == T0049 || (string?)o["target_ref"] == T0049));
    }

    [Fact]
    public async Task Export_BadDate_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("export", "--since", "yesterday-ish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--since", result.Error, StringComparison.Ordinal);
    }
}

public class ExportForOrganisationTests
{
    [Fact]
    public async Task ExportFor_AnOrganisation_IncludesDisarmButNotAnotherOrganisationsAmber()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");
        await cli.RunAsync("import", Path.Combine(TestPaths.Repository, "src", "Riposte.Cli", "Demo", "demo-bundle.json"));
        var registered = await cli.RunAsync("org", "add", "A partner ministry", "--tier", "partner");
        var partner = System.Text.RegularExpressions.Regex.Match(registered.Out, @"identity--[0-9a-f-]{36}").Value;

        var result = await cli.RunAsync("export", "--for", partner);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Flood Information Space", result.Data, StringComparison.Ordinal);
        Assert.Contains("\"relationship_type\":\"uses\"", result.Data.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("threat-actor--", result.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Not for further distribution", result.Data, StringComparison.Ordinal);
    }
}

public class ExportAuditTests
{
    [Fact]
    public async Task Export_IsAuditedWithWhoAndHowMuch()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");
        await cli.RunAsync("export", "--type", "x-mitre-tactic");

        var audit = await cli.RunAsync("audit", "--action", "export");

        Assert.Equal(0, audit.ExitCode);
        Assert.Contains("16 objects to -", audit.Out, StringComparison.Ordinal);
    }
}
