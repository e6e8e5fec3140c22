namespace Riposte.Detection.Graph;

/// <summary>
/// Louvain community detection (Blondel et al. 2008): move single nodes to the neighbouring
/// community with the best modularity gain until none improves, merge each community into one
/// node, repeat. A final pass splits every community into its connected parts, the guarantee
/// Leiden adds, so no reported cluster is held together by nothing.
/// </summary>
public static class Louvain
{
    /// <summary>A community index (dense, 0-based) for each node of <paramref name="graph"/>.</summary>
    public static int[] Detect(WeightedGraph graph, double resolution = 1.0, int seed = 1, int maxLevels = 20)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var membership = new int[n];
        for (var i = 0; i < n; i++)
            membership[i] = i;
        var rng = new Random(seed);
        var level = graph;
        for (var round = 0; round < maxLevels; round++)
        {
            var (community, moved) = MoveNodes(level, resolution, rng);
            if (!moved)
                break;
            var count = Renumber(community);
            for (var i = 0; i < n; i++)
                membership[i] = community[membership[i]];
            level = Aggregate(level, community, count);
        }
        return SplitDisconnected(graph, membership);
    }

    private static (int[] Community, bool Moved) MoveNodes(WeightedGraph g, double resolution, Random rng)
    {
        var n = g.NodeCount;
        var community = new int[n];
        var total = new double[n];
        for (var i = 0; i < n; i++)
        {
            community[i] = i;
            total[i] = g.Degree[i];
        }
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var m2 = g.TotalDegree;
        if (m2 <= 0)
            return (community, false);

        var linkTo = new double[n];
        var touched = new List<int>();
        var movedAny = false;
        bool improved;
        var sweeps = 0;
        do
        {
            improved = false;
            foreach (var i in order)
            {
                var own = community[i];
                var ki = g.Degree[i];
                touched.Clear();
                for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
                {
                    var j = g.Targets[e];
                    if (j == i)
                        continue;
                    var c = community[j];
                    if (linkTo[c] == 0)
                        touched.Add(c);
                    linkTo[c] += g.Weights[e];
                }
                total[own] -= ki;
                var best = own;
                var bestGain = linkTo[own] - (resolution * total[own] * ki / m2);
                foreach (var c in touched)
                {
                    var gain = linkTo[c] - (resolution * total[c] * ki / m2);
                    if (gain > bestGain + 1e-12 || (Math.Abs(gain - bestGain) <= 1e-12 && c < best && best != own))
                    {
                        best = c;
                        bestGain = gain;
                    }
                }
                total[best] += ki;
                if (best != own)
                {
                    community[i] = best;
                    improved = true;
                    movedAny = true;
                }
                foreach (var c in touched)
                    linkTo[c] = 0;
                linkTo[own] = 0;
            }
            sweeps++;
        }
        while (improved && sweeps < 100);
        return (community, movedAny);
    }

    private static int Renumber(int[] community)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < community.Length; i++)
        {
            if (!map.TryGetValue(community[i], out var c))
                map[community[i]] = c = map.Count;
            community[i] = c;
        }
        return map.Count;
    }

    private static WeightedGraph Aggregate(WeightedGraph g, int[] community, int count)
    {
        var merged = new Dictionary<long, double>();
        for (var i = 0; i < g.NodeCount; i++)
        {
            var ci = community[i];
            for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
            {
                var key = ((long)ci << 32) | (uint)community[g.Targets[e]];
                merged[key] = merged.GetValueOrDefault(key) + g.Weights[e];
            }
        }
        var arcs = new List<(int, int, double)>(merged.Count);
        foreach (var (key, w) in merged)
            arcs.Add(((int)(key >> 32), (int)(key & 0xFFFFFFFF), w));
        return WeightedGraph.FromDirected(count, arcs);
    }

    private static int[] SplitDisconnected(WeightedGraph g, int[] membership)
    {
        var sets = new UnionFind(g.NodeCount);
        for (var i = 0; i < g.NodeCount; i++)
        {
            for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
            {
                var j = g.Targets[e];
                if (membership[i] == membership[j])
                    sets.Union(i, j);
            }
        }
        var result = new int[g.NodeCount];
        for (var i = 0; i < g.NodeCount; i++)
            result[i] = sets.Find(i);
        Renumber(result);
        return result;
    }
}
