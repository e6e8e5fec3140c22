using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Riposte.Detection.Output;
using Riposte.Detection.Tests.Support;
using Riposte.Stix.Validation;

namespace Riposte.Detection.Tests;

public sealed class OutputTests
{
    private static readonly DateTimeOffset Generated = new(2024, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<CoordinationResult> Result = new(Run);

    private static CoordinationResult Run()
    {
        var s = new Scenario(21).WithOrganicBackground();
        var members = Scenario.Accounts("link", 10);
        for (var e = 0; e < 12; e++)
        {
            var url = $"https://campaign.example/a/{e}";
            var t0 = s.RandomTime();
            foreach (var a in members.Where(_ => s.Uniform(0, 1) < 0.8))
                s.Add(a, t0.AddSeconds(s.Uniform(0, 60)), s.Sentence(8) + " " + url, urls: [url]);
        }
        return new CoordinationDetector().Detect(s.Posts);
    }

    [Fact]
    public void ClustersCsv_Written_HeaderAndOneRowPerFlaggedAccount()
    {
        // Arrange
        var result = Result.Value;
        var writer = new StringWriter();

        // Act
        ClustersCsvWriter.Write(writer, result.Clusters);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal("account_id,cluster_id,score", lines[0]);
        Assert.Equal(result.Clusters.Sum(c => c.Members.Count), lines.Length - 1);
        Assert.All(lines.Skip(1), l =>
        {
            var f = l.Split(',');
            Assert.Equal(3, f.Length);
            Assert.True(double.TryParse(f[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score));
            Assert.InRange(score, 0, 1);
        });
    }

    [Fact]
    public void CsvField_CommaOrQuote_QuotedPerRfc4180()
    {
        Assert.Equal("\"a,\"\"b\"\"\"", ClustersCsvWriter.Field("a,\"b\""));
        Assert.Equal("plain", ClustersCsvWriter.Field("plain"));
    }

    [Fact]
    public void Gexf_Written_WellFormedVersion13WithNodesAndEdges()
    {
        // Arrange
        var result = Result.Value;
        using var stream = new MemoryStream();

        // Act
        GexfWriter.Write(stream, result.Clusters, Generated);
        var doc = XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));

        // Assert
        XNamespace ns = "http://gexf.net/1.3";
        Assert.Equal(ns + "gexf", doc.Root!.Name);
        Assert.Equal("1.3", doc.Root.Attribute("version")!.Value);
        var nodeIds = doc.Descendants(ns + "node").Select(n => n.Attribute("id")!.Value).ToHashSet();
        Assert.Equal(result.Clusters.Sum(c => c.Members.Count), nodeIds.Count);
        var edges = doc.Descendants(ns + "edge").ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains(e.Attribute("source")!.Value, nodeIds));
    }

    [Fact]
    public void StixBundle_Built_EveryObjectValid()
    {
        // Arrange
        var result = Result.Value;

        // Act
        var bundle = StixBundleBuilder.Build(result.Clusters, Generated);
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();

        // Assert
        Assert.Equal("bundle", (string?)bundle["type"]);
        Assert.All(objects, o =>
        {
            var validation = StixValidator.Validate(o);
            Assert.True(validation.IsValid, o["id"] + ": " + string.Join("; ", validation.Errors));
        });
        var groupings = objects.Where(o => (string?)o["type"] == "grouping").ToList();
        Assert.Equal(result.Clusters.Count, groupings.Count);
        Assert.All(groupings, g =>
        {
            Assert.Equal("suspicious-activity", (string?)g["context"]);
            Assert.Contains("candidate-finding", g["labels"]!.AsArray().Select(l => (string?)l));
        });
        Assert.Contains(objects, o => (string?)o["type"] == "observed-data");
        Assert.Contains(objects, o => (string?)o["type"] == "relationship" && ((string?)o["target_ref"])!.StartsWith("attack-pattern--", StringComparison.Ordinal));
    }

    [Fact]
    public void StixBundle_UserAccountIds_DeterministicUuid5()
    {
        // Arrange
        var member = new ClusterMember("u1", "alice", "microblog", null, 3, 1.0);
        var cluster = Result.Value.Clusters[0] with { Members = [member], SharedItems = [] };

        // Act
        var first = StixBundleBuilder.Build([cluster], Generated);
        var second = StixBundleBuilder.Build([cluster], Generated.AddDays(1));

        // Assert: the SCO id depends only on {account_type, user_id, account_login}.
        string AccountId(JsonObject b) => (string)b["objects"]!.AsArray().First(o => (string?)o!["type"] == "user-account")!["id"]!;
        Assert.Equal(AccountId(first), AccountId(second));
        Assert.Equal(Riposte.Stix.ScoIds.Compute(new JsonObject { ["type"] = "user-account", ["account_type"] = "microblog", ["user_id"] = "u1", ["account_login"] = "alice" }), AccountId(first));
    }

    [Fact]
    public void ClustersJson_Written_ListsAccountsAndEvidence()
    {
        // Arrange
        var result = Result.Value;
        using var stream = new MemoryStream();

        // Act
        ClustersJsonWriter.Write(stream, result.Clusters, result.Statistics);
        var json = JsonNode.Parse(stream.ToArray())!;

        // Assert
        var first = json["clusters"]![0]!;
        Assert.Equal(result.Clusters[0].Members.Count, first["accounts"]!.AsArray().Count);
        Assert.NotEmpty(first["shared_items"]!.AsArray());
        Assert.Equal("co-link", (string?)first["dominant_signal"]);
    }

    [Fact]
    public void DisarmMapping_Ids_MatchDisarmTechniquesFile()
    {
        // Arrange: fields span lines, so look each technique up by its line start.
        var text = File.ReadAllText(TestPaths.SharedFile("data", "disarm", "techniques.csv")).ReplaceLineEndings("\n");

        // Act + Assert
        Assert.All(DisarmMapping.All, t =>
        {
            var at = text.IndexOf("\n" + t.ExternalId + "," + t.Name + ",", StringComparison.Ordinal);
            Assert.True(at >= 0, $"{t.ExternalId} {t.Name} not in techniques.csv");
            var stix = text.IndexOf("attack-pattern--", at, StringComparison.Ordinal);
            Assert.Equal(t.StixId, text.Substring(stix, t.StixId.Length));
        });
    }
}
