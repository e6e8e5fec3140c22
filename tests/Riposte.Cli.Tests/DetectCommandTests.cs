namespace Riposte.Cli.Tests;

public class DetectCommandTests
{
    [Fact]
    public async Task IngestThenDetect_GeneratedCampaigns_WritesEveryOutputAndImportsTheFindings()
    {
        using var cli = new CliRunner();
        var corpus = Path.Combine(cli.Folder, "corpus");
        PostGenerator.Generate(corpus, seed: 11);
        var output = Path.Combine(cli.Folder, "findings");

        var ingest = await cli.RunAsync("ingest", Path.Combine(corpus, "posts.ndjson"));
        var detect = await cli.RunAsync("detect", "--out", output, "--import");
        var groupings = await cli.RunAsync("export", "--type", "grouping");

        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
        Assert.True(detect.ExitCode == 0, detect.Out + detect.Error);
        foreach (var file in new[] { "clusters.csv", "clusters.json", "clusters.gexf", "clusters.stix.json" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        var rows = File.ReadAllLines(Path.Combine(output, "clusters.csv"));
        Assert.Equal("account_id,cluster_id,score", rows[0]);
        Assert.True(rows.Length > 20, "the planted campaigns' accounts are flagged");
        Assert.Contains("candidate-finding", groupings.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_EmptyStore_WarnsAndWritesEmptyOutputs()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(cli.Folder, "findings");

        var detect = await cli.RunAsync("detect", "--out", output);

        Assert.Equal(0, detect.ExitCode);
        Assert.Contains("no posts match", detect.Error, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(output, "clusters.csv")));
    }
}
