using Riposte.Detection.Interning;
using Riposte.Detection.Signals;
using Riposte.Detection.Tests.Support;
using Riposte.Detection.Text;

namespace Riposte.Detection.Tests;

public sealed class AccountGraphBuilderTests
{
    [Fact]
    public void Build_SignalsAddedInAnyOrder_SameGraphUpToRounding()
    {
        // Arrange: the detector computes signals two at a time and adds each as it finishes.
        var s = new Scenario(21).WithOrganicBackground();
        var amps = Scenario.Accounts("amp", 12);
        for (var e = 0; e < 10; e++)
        {
            var seed = s.Add("seeder" + (e % 3), s.RandomTime(), s.Sentence(12));
            foreach (var amp in amps)
                s.Add(amp, seed.CreatedAt.AddSeconds(s.Uniform(30, 90)), s.Sentence(10), urls: [$"https://c.example/{e}"], hashtags: ["x", "y" + (e % 2)]);
        }
        var options = new CoordinationOptions();
        var table = PostTableBuilder.Build(s.Posts.OrderBy(p => p.CreatedAt), new NearDuplicateGrouper(), options.MinTextWords);
        var cohort = CohortLinks.Build(table, options);
        SignalResult Compute(Occurrences occ) => PairCounter.Compute(occ, table, 1800, 90, options.MaxItemAccounts, options.MinDistinctItems);
        var signals = new[]
        {
            Compute(OccurrenceBuilder.CoRepost(table)),
            Compute(OccurrenceBuilder.CoLink(table)),
            Compute(OccurrenceBuilder.CoReply(table)),
            Compute(OccurrenceBuilder.HashtagSequence(table)),
        };

        // Act
        var forward = new AccountGraphBuilder(table.AccountCount, cohort, options);
        foreach (var signal in signals)
            forward.Add(signal);
        var backward = new AccountGraphBuilder(table.AccountCount, cohort, options);
        foreach (var signal in signals.Reverse())
            backward.Add(signal);
        var graphA = forward.Build();
        var graphB = backward.Build();

        // Assert
        Assert.True(graphA.Graph.NodeCount >= 12, $"only {graphA.Graph.NodeCount} nodes; the scenario should link the campaign");
        Assert.Equal(graphA.NodeAccount, graphB.NodeAccount);
        Assert.Equal(graphA.Graph.Offsets, graphB.Graph.Offsets);
        Assert.Equal(graphA.Graph.Targets, graphB.Graph.Targets);
        // Synchrony sums float weights across signals, so the order can move the last bit.
        Assert.All(graphA.Graph.Weights.Zip(graphB.Graph.Weights), w => Assert.Equal(w.First, w.Second, 1e-6));
    }
}
