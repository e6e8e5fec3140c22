using System.Text.RegularExpressions;

namespace Riposte.Cli.Tests;

public partial class AccessCommandTests
{
    [GeneratedRegex(@"identity--[0-9a-f-]{36}")]
    private static partial Regex IdentityId();

    [GeneratedRegex(@"collection [^\n]* with id ([0-9a-f-]{36})")]
    private static partial Regex CollectionId();

    [Fact]
    public async Task Onboarding_OrgUserTokenCollection_WorksEndToEndAndIsAudited()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("init");

        var org = await cli.RunAsync("org", "add", "Ministry of Foreign Affairs", "--tier", "member");
        var orgId = IdentityId().Match(org.Out).Value;
        var user = await cli.RunAsync("user", "add", "ana", "--org", orgId, "--role", "analyst");
        var token = await cli.RunAsync("token", "create", "ana", "--days", "30");
        var collection = await cli.RunAsync("collection", "create", "Shared assessments");
        var collectionId = CollectionId().Match(collection.Out).Groups[1].Value;
        var grant = await cli.RunAsync("collection", "grant", collectionId, "--org", orgId, "--read", "--write");
        var list = await cli.RunAsync("collection", "list");
        var verify = await cli.RunAsync("audit", "--verify");

        Assert.True(org.ExitCode == 0, org.Error);
        Assert.True(user.ExitCode == 0, user.Error);
        Assert.True(token.ExitCode == 0, token.Error);
        Assert.Contains("not shown again", token.Out, StringComparison.Ordinal);
        Assert.True(grant.ExitCode == 0, grant.Error);
        Assert.Contains(orgId, list.Out, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("intact", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_UnknownOrganisation_ExitsTwoWithTheReason()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("user", "add", "bob", "--org", "identity--00000000-0000-4000-8000-000000000000");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not registered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectionGrant_WithoutGrantee_ExitsTwo()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("collection", "grant", "91a7b528-80eb-42ed-a74d-c6fbd5a26116", "--read");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--org", result.Error, StringComparison.Ordinal);
    }
}
