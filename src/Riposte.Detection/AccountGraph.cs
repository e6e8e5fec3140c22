using Riposte.Detection.Graph;
using Riposte.Detection.Signals;

namespace Riposte.Detection;

/// <summary>
/// The combined account graph: every pair a signal links (enough distinct items, more than one
/// source) gets that signal's cosine similarity times the signal's weight; the sum is the edge.
/// </summary>
internal sealed class AccountGraph
{
    public static readonly SignalKind[] Kinds = Enum.GetValues<SignalKind>();

    public required int[] NodeAccount { get; init; }
    public required WeightedGraph Graph { get; init; }

    /// <summary>Per edge (account pair key): the weighted similarity each signal contributed.</summary>
    public required Dictionary<long, float[]> EdgeSignals { get; init; }

    public static AccountGraph Build(
        IReadOnlyList<SignalResult> content, SignalResult cohort, int accountCount, CoordinationOptions options)
    {
        var edges = new Dictionary<long, float[]>();
        var totalNorm = new double[accountCount];
        foreach (var s in content)
        {
            for (var a = 0; a < accountCount; a++)
                totalNorm[a] += s.Norm[a];
            AddSignal(edges, s.Kind, s.Pairs, s.Norm, options);
        }

        // Synchrony: pairs posting within seconds of each other, counted across all signals' items.
        var sync = new Dictionary<long, PairStats>();
        foreach (var s in content)
        {
            foreach (var (key, st) in s.Synchronised)
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sync, key, out _).Merge(st);
            }
        }
        AddSignal(edges, SignalKind.Synchrony, sync, totalNorm, options);

        // A shared creation day and wake-up only strengthens pairs that already share something.
        var cohortWeight = (float)options.WeightOf(SignalKind.CreationCohort);
        foreach (var key in cohort.Pairs.Keys)
        {
            if (edges.TryGetValue(key, out var perSignal) || HasAnySupport(content, key))
            {
                if (perSignal is null)
                    edges[key] = perSignal = new float[Kinds.Length];
                perSignal[(int)SignalKind.CreationCohort] = cohortWeight;
            }
        }

        var nodeOf = new Dictionary<int, int>();
        var nodeAccount = new List<int>();
        var list = new List<(int, int, double)>();
        var kept = new Dictionary<long, float[]>();
        foreach (var (key, perSignal) in edges)
        {
            var w = perSignal.Sum();
            if (w < options.MinEdgeWeight)
                continue;
            var (a, b) = PairStats.Split(key);
            list.Add((NodeOf(a), NodeOf(b), w));
            kept[key] = perSignal;
        }
        return new AccountGraph
        {
            NodeAccount = [.. nodeAccount],
            Graph = WeightedGraph.FromEdges(nodeAccount.Count, list),
            EdgeSignals = kept,
        };

        int NodeOf(int account)
        {
            if (!nodeOf.TryGetValue(account, out var node))
            {
                nodeOf[account] = node = nodeAccount.Count;
                nodeAccount.Add(account);
            }
            return node;
        }
    }

    private static void AddSignal(
        Dictionary<long, float[]> edges, SignalKind kind, Dictionary<long, PairStats> pairs, double[] norm, CoordinationOptions options)
    {
        var weight = options.WeightOf(kind);
        var minSources = options.MinSourcesOf(kind);
        if (weight <= 0)
            return;
        foreach (var (key, st) in pairs)
        {
            // One item, or one source (the followers of one account, the staff of one outlet), is not coordination.
            if (st.Items < options.MinDistinctItems || st.Sources < minSources)
                continue;
            var (a, b) = PairStats.Split(key);
            // The pseudo-count shrinks similarities that rest on very little activity.
            var denominator = Math.Sqrt((norm[a] + options.NormPseudoCount) * (norm[b] + options.NormPseudoCount));
            if (denominator <= 0)
                continue;
            // Evidence grows with repetition and saturates: two shared items count half, three or more fully.
            var repetition = Math.Min(1.0, (st.Items - 1) / 2.0);
            var sim = Math.Min(1.0, st.Weight / denominator) * repetition;
            if (!edges.TryGetValue(key, out var perSignal))
                edges[key] = perSignal = new float[Kinds.Length];
            perSignal[(int)kind] += (float)(weight * sim);
        }
    }

    private static bool HasAnySupport(IReadOnlyList<SignalResult> content, long key)
    {
        foreach (var s in content)
        {
            if (s.Pairs.ContainsKey(key))
                return true;
        }
        return false;
    }
}
