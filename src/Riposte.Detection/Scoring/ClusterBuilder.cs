using Riposte.Detection.Interning;
using Riposte.Detection.Signals;

namespace Riposte.Detection.Scoring;

/// <summary>Turns communities of the account graph into scored clusters with their evidence.</summary>
internal static class ClusterBuilder
{
    private const int MaxItemsPerCluster = 50;

    public static List<CoordinatedCluster> Build(
        PostTable table, AccountGraph graph, int[] community, IReadOnlyList<SignalItems> signals, CoordinationOptions options)
    {
        var g = graph.Graph;
        var groups = new Dictionary<int, List<int>>();
        for (var node = 0; node < community.Length; node++)
        {
            if (!groups.TryGetValue(community[node], out var list))
                groups[community[node]] = list = [];
            list.Add(node);
        }

        var candidates = new List<(List<int> Nodes, ClusterFeatures Features)>();
        foreach (var members in groups.Values)
        {
            if (members.Count < options.MinClusterSize)
                continue;
            var nodes = ClusterCore.Peel(g, members, options.PeelFraction);
            if (nodes.Count < options.MinClusterSize)
                continue;
            var features = ClusterFeatures.Measure(graph, nodes);
            if (features.Score >= options.MinClusterScore)
                candidates.Add((nodes, features));
        }
        var clusterOfAccount = new Dictionary<int, int>();
        for (var c = 0; c < candidates.Count; c++)
        {
            foreach (var node in candidates[c].Nodes)
                clusterOfAccount[graph.NodeAccount[node]] = c;
        }
        var (evidence, coverage, exclusivity) = EvidenceCollector.Collect(
            table, signals, clusterOfAccount, [.. candidates.Select(c => c.Nodes.Count)], MaxItemsPerCluster);

        // A handful of accounts that happened to share the same few popular items is chance; a
        // cluster that acted together many times over, on items that are mostly its own, is not.
        var ranked = Enumerable.Range(0, candidates.Count)
            .Select(c => (Index: c, Score: candidates[c].Features.Score
                * ClusterFeatures.RepetitionFactor(coverage[c])
                * ClusterFeatures.ExclusivityFactor(exclusivity[c])))
            .Where(x => x.Score >= options.MinClusterScore)
            .OrderByDescending(x => x.Score)
            .ToList();
        var postsPerAccount = new int[table.AccountCount];
        foreach (var a in table.Account)
            postsPerAccount[a]++;

        var result = new List<CoordinatedCluster>(ranked.Count);
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var c = ranked[rank].Index;
            var (nodes, f) = candidates[c];
            var members = nodes
                .Select((node, k) => (Account: graph.NodeAccount[node], Strength: f.Strength[k]))
                .Select(x => new ClusterMember(
                    table.AccountIds[x.Account],
                    table.AccountHandles[x.Account],
                    table.AccountPlatforms[x.Account],
                    table.AccountCreated[x.Account] == long.MinValue ? null : DateTimeOffset.FromUnixTimeSeconds(table.AccountCreated[x.Account]),
                    postsPerAccount[x.Account],
                    Math.Round(x.Strength, 4)))
                .OrderBy(m => m.AccountId, StringComparer.Ordinal)
                .ToList();
            var items = evidence[c];
            var times = items.SelectMany(i => i.Posts).Select(p => p.Time).ToList();
            result.Add(new CoordinatedCluster
            {
                Id = $"cluster-{rank + 1:D4}",
                Score = Math.Round(ranked[rank].Score, 4),
                Members = members,
                SignalBreakdown = f.SignalBreakdown,
                SharedItems = items,
                FirstObserved = times.Count > 0 ? times.Min() : DateTimeOffset.UnixEpoch,
                LastObserved = times.Count > 0 ? times.Max() : DateTimeOffset.UnixEpoch,
                Density = Math.Round(f.Density, 4),
                Links = LinksOf(table, graph, nodes),
            });
        }
        return result;
    }

    private static List<AccountLink> LinksOf(PostTable table, AccountGraph graph, List<int> nodes)
    {
        var g = graph.Graph;
        var inside = new HashSet<int>(nodes);
        var links = new List<AccountLink>();
        foreach (var i in nodes)
        {
            for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
            {
                var j = g.Targets[e];
                if (j <= i || !inside.Contains(j))
                    continue;
                var a = graph.NodeAccount[i];
                var b = graph.NodeAccount[j];
                var perSignal = graph.EdgeSignals[PairStats.Key(a, b)];
                var signals = new Dictionary<SignalKind, double>();
                for (var s = 0; s < perSignal.Length; s++)
                {
                    if (perSignal[s] > 0)
                        signals[(SignalKind)s] = Math.Round(perSignal[s], 4);
                }
                links.Add(new AccountLink(table.AccountIds[a], table.AccountIds[b], Math.Round(g.Weights[e], 4), signals));
            }
        }
        return links;
    }
}
