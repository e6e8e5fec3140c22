using System.Text.Json.Nodes;
using Riposte.Cli;

namespace Riposte.Incidents.Tests.Support;

/// <summary>
/// What an analyst does at the command line before opening the API: generate (or receive) a platform export,
/// then <c>riposte ingest</c> and <c>riposte detect --import</c> — the real command, in-process, on the node's database.
/// </summary>
internal static class AnalystShell
{
    /// <summary>Runs <c>riposte</c> with the arguments against <paramref name="db"/>; fails the test with its output when it does not exit 0.</summary>
    public static async Task<string> RunAsync(string db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => new MemoryStream(), () => new MemoryStream(), interactive: false);
        var exit = await CliApp.RunAsync(["--db", db, .. args], console, TestContext.Current.CancellationToken);
        Assert.True(exit == 0, $"riposte {string.Join(' ', args)} exited {exit}: {output}{error}");
        return output.ToString();
    }

    /// <summary>
    /// A synthetic export with planted campaigns (../shared/tools/gen_posts.py, 10k posts, deterministic by seed):
    /// the folder holding posts.ndjson, and each campaign's id, style and account ids from campaigns.json.
    /// </summary>
    public static (string PostsFile, IReadOnlyList<PlantedCampaign> Campaigns) GenerateExport(string folder, int seed)
    {
        PostGenerator.Generate(folder, seed);
        var campaigns = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "campaigns.json")))!["campaigns"]!.AsArray()
            .Select(c => new PlantedCampaign(c!["id"]!.GetValue<string>(), c["type"]!.GetValue<string>(),
                [.. c["accounts"]!.AsArray().Select(a => a!.GetValue<string>())]))
            .ToList();
        return (Path.Combine(folder, "posts.ndjson"), campaigns);
    }
}

/// <summary>A campaign the generator planted: its id, style (colink, coretweet…) and its accounts.</summary>
internal sealed record PlantedCampaign(string Id, string Style, IReadOnlyList<string> Accounts);
