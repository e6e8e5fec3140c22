using Riposte.Detection.Graph;

namespace Riposte.Detection.Tests;

public sealed class LouvainTests
{
    [Fact]
    public void Detect_TwoCliquesJoinedByBridge_FindsTheTwoCliques()
    {
        // Arrange: cliques {0..5} and {6..11}, bridge 5-6.
        var edges = new List<(int, int, double)>();
        for (var offset = 0; offset <= 6; offset += 6)
        {
            for (var i = 0; i < 6; i++)
            {
                for (var j = i + 1; j < 6; j++)
                    edges.Add((offset + i, offset + j, 1.0));
            }
        }
        edges.Add((5, 6, 1.0));
        var graph = WeightedGraph.FromEdges(12, edges);

        // Act
        var community = Louvain.Detect(graph);

        // Assert
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(community[0], community[i]));
        Assert.All(Enumerable.Range(6, 6), i => Assert.Equal(community[6], community[i]));
        Assert.NotEqual(community[0], community[6]);
    }

    [Fact]
    public void Detect_PlantedPartition_RecoversPlantedGroups()
    {
        // Arrange: 4 groups of 30, p_in = 0.4, p_out = 0.01.
        var rng = new Random(11);
        var truth = Enumerable.Range(0, 120).Select(i => i / 30).ToArray();
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < 120; i++)
        {
            for (var j = i + 1; j < 120; j++)
            {
                if (rng.NextDouble() < (truth[i] == truth[j] ? 0.4 : 0.01))
                    edges.Add((i, j, 1.0));
            }
        }
        var graph = WeightedGraph.FromEdges(120, edges);

        // Act
        var community = Louvain.Detect(graph, seed: 5);

        // Assert: every planted group maps to one community, and the four are distinct.
        var found = Enumerable.Range(0, 4).Select(g => Enumerable.Range(g * 30, 30).GroupBy(i => community[i]).MaxBy(x => x.Count())!).ToList();
        Assert.All(found, f => Assert.True(f.Count() >= 28, $"community {f.Key} holds only {f.Count()} of 30"));
        Assert.Equal(4, found.Select(f => f.Key).Distinct().Count());
    }

    [Fact]
    public void Detect_KarateClub_ModularityNearBestKnown()
    {
        // Arrange: Zachary's karate club (78 edges); the best partition has Q = 0.4198.
        var graph = WeightedGraph.FromEdges(34, KarateClub.Edges.Select(e => (e.A - 1, e.B - 1, 1.0)));

        // Act
        var community = Louvain.Detect(graph);
        var q = graph.Modularity(community);

        // Assert
        Assert.InRange(q, 0.41, 0.42);
        Assert.InRange(community.Distinct().Count(), 3, 5);
        Assert.NotEqual(community[0], community[33]);   // the instructor and the president split
    }

    [Fact]
    public void Modularity_SingleCommunity_IsZero()
    {
        // Arrange
        var graph = WeightedGraph.FromEdges(3, [(0, 1, 1.0), (1, 2, 1.0)]);

        // Act
        var q = graph.Modularity([0, 0, 0]);

        // Assert
        Assert.Equal(0.0, q, 10);
    }

    [Fact]
    public void Detect_IsolatedNodes_EachItsOwnCommunity()
    {
        // Arrange
        var graph = WeightedGraph.FromEdges(4, [(0, 1, 1.0)]);

        // Act
        var community = Louvain.Detect(graph);

        // Assert
        Assert.Equal(community[0], community[1]);
        Assert.Equal(3, community.Distinct().Count());
    }
}
