namespace Riposte.Detection.Scoring;

/// <summary>What the graph says about one community: how dense, how strong, which signals.</summary>
internal sealed class ClusterFeatures
{
    public required int Size { get; init; }
    public required int InternalEdges { get; init; }
    public required double InternalWeight { get; init; }

    /// <summary>Share of possible member pairs that are linked.</summary>
    public required double Density { get; init; }

    /// <summary>Mean weight of the internal edges.</summary>
    public required double MeanEdgeWeight { get; init; }

    /// <summary>Share of the members' total edge weight that stays inside the cluster.</summary>
    public required double Cohesion { get; init; }

    /// <summary>Each member's weighted degree inside the cluster, in node order.</summary>
    public required double[] Strength { get; init; }

    public required IReadOnlyDictionary<SignalKind, double> SignalBreakdown { get; init; }

    public required double Score { get; init; }

    public static ClusterFeatures Measure(AccountGraph graph, List<int> nodes)
    {
        var g = graph.Graph;
        var index = new Dictionary<int, int>(nodes.Count);
        for (var k = 0; k < nodes.Count; k++)
            index[nodes[k]] = k;
        var strength = new double[nodes.Count];
        var perSignal = new double[AccountGraph.Kinds.Length];
        var edges = 0;
        var weight = 0.0;
        var degreeSum = 0.0;
        for (var k = 0; k < nodes.Count; k++)
        {
            var i = nodes[k];
            degreeSum += g.Degree[i];
            for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
            {
                var j = g.Targets[e];
                if (!index.ContainsKey(j))
                    continue;
                strength[k] += g.Weights[e];
                if (j < i)
                    continue;
                edges++;
                weight += g.Weights[e];
                var key = Signals.PairStats.Key(graph.NodeAccount[i], graph.NodeAccount[j]);
                if (graph.EdgeSignals.TryGetValue(key, out var contributions))
                {
                    for (var s = 0; s < contributions.Length; s++)
                        perSignal[s] += contributions[s];
                }
            }
        }
        var n = nodes.Count;
        var possible = n * (n - 1) / 2.0;
        var density = possible > 0 ? edges / possible : 0;
        var mean = edges > 0 ? weight / edges : 0;
        var cohesion = degreeSum > 0 ? 2 * weight / degreeSum : 0;
        var breakdown = new Dictionary<SignalKind, double>();
        for (var s = 0; s < perSignal.Length; s++)
        {
            if (perSignal[s] > 0)
                breakdown[(SignalKind)s] = Math.Round(perSignal[s], 4);
        }
        return new ClusterFeatures
        {
            Size = n,
            InternalEdges = edges,
            InternalWeight = weight,
            Density = density,
            MeanEdgeWeight = mean,
            Cohesion = cohesion,
            Strength = strength,
            SignalBreakdown = breakdown,
            Score = ScoreOf(density, mean, cohesion),
        };
    }

    /// <summary>
    /// Dense, strongly and mostly internally linked clusters score near 1. Each factor is in 0..1;
    /// the mean edge weight saturates (a cosine of 0.3 on one signal is already strong).
    /// </summary>
    internal static double ScoreOf(double density, double meanEdgeWeight, double cohesion) =>
        Math.Sqrt(density) * (1 - Math.Exp(-meanEdgeWeight / 0.15)) * cohesion;

    /// <summary>
    /// 0..1 from the cluster's coverage (how many times over the whole cluster acted together):
    /// 1 - exp(-coverage / 3), so three full repetitions give 0.63 and ten give 0.96.
    /// </summary>
    internal static double RepetitionFactor(double coverage) => 1 - Math.Exp(-coverage / 3.0);

    /// <summary>0..1: full when members are at least half of the accounts on their shared items, falling linearly below.</summary>
    internal static double ExclusivityFactor(double exclusivity) => Math.Clamp(2 * exclusivity, 0, 1);
}
