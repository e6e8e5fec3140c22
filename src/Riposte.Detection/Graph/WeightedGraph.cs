namespace Riposte.Detection.Graph;

/// <summary>
/// An undirected weighted graph in compressed sparse row form: the neighbours of node i are
/// Targets[Offsets[i]..Offsets[i+1]] with the matching Weights. Each undirected edge is stored in
/// both directions; a self-loop is stored once and carries twice the internal weight it stands for.
/// </summary>
public sealed class WeightedGraph
{
    private WeightedGraph(int[] offsets, int[] targets, double[] weights)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        Degree = new double[NodeCount];
        for (var i = 0; i < NodeCount; i++)
        {
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
                Degree[i] += weights[e];
            TotalDegree += Degree[i];
        }
    }

    public int NodeCount => Offsets.Length - 1;
    public int[] Offsets { get; }
    public int[] Targets { get; }
    public double[] Weights { get; }

    /// <summary>Weighted degree of each node.</summary>
    public double[] Degree { get; }

    /// <summary>Sum of all degrees (twice the total edge weight).</summary>
    public double TotalDegree { get; }

    /// <summary>Builds a graph from undirected edges; parallel edges add up, self-edges are ignored.</summary>
    public static WeightedGraph FromEdges(int nodeCount, IEnumerable<(int A, int B, double Weight)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var merged = new Dictionary<long, double>();
        foreach (var (a, b, w) in edges)
        {
            if (a == b)
                continue;
            if ((uint)a >= (uint)nodeCount || (uint)b >= (uint)nodeCount)
                throw new ArgumentOutOfRangeException(nameof(edges), $"edge ({a},{b}) outside 0..{nodeCount - 1}");
            var key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            merged[key] = merged.GetValueOrDefault(key) + w;
        }
        var directed = new List<(int, int, double)>(merged.Count * 2);
        foreach (var (key, w) in merged)
        {
            var a = (int)(key >> 32);
            var b = (int)(key & 0xFFFFFFFF);
            directed.Add((a, b, w));
            directed.Add((b, a, w));
        }
        return FromDirected(nodeCount, directed);
    }

    /// <summary>Builds from arcs already listed in both directions (self-loops once).</summary>
    internal static WeightedGraph FromDirected(int nodeCount, List<(int From, int To, double Weight)> arcs)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var (from, _, _) in arcs)
            offsets[from + 1]++;
        for (var i = 0; i < nodeCount; i++)
            offsets[i + 1] += offsets[i];
        var fill = (int[])offsets.Clone();
        var targets = new int[arcs.Count];
        var weights = new double[arcs.Count];
        foreach (var (from, to, w) in arcs)
        {
            var at = fill[from]++;
            targets[at] = to;
            weights[at] = w;
        }
        return new WeightedGraph(offsets, targets, weights);
    }

    /// <summary>Newman-Girvan modularity of a partition, with resolution <paramref name="resolution"/>.</summary>
    public double Modularity(IReadOnlyList<int> community, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (TotalDegree <= 0)
            return 0;
        var internalWeight = new Dictionary<int, double>();
        var total = new Dictionary<int, double>();
        for (var i = 0; i < NodeCount; i++)
        {
            var c = community[i];
            total[c] = total.GetValueOrDefault(c) + Degree[i];
            for (var e = Offsets[i]; e < Offsets[i + 1]; e++)
            {
                if (community[Targets[e]] == c)
                    internalWeight[c] = internalWeight.GetValueOrDefault(c) + Weights[e];
            }
        }
        var q = 0.0;
        foreach (var (c, tot) in total)
            q += (internalWeight.GetValueOrDefault(c) / TotalDegree) - (resolution * (tot / TotalDegree) * (tot / TotalDegree));
        return q;
    }
}
