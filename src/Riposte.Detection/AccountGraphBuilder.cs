using System.Runtime.InteropServices;
using Riposte.Detection.Graph;
using Riposte.Detection.Signals;

namespace Riposte.Detection;

/// <summary>
/// Folds content signals into the account graph one at a time, so a signal's pair map can be dropped as soon as it
/// is added (the peak holds one or two signals' pairs, not all of them). What has to wait for every signal is kept
/// small: the synchronised pairs, the accounts' summed norms, and which cohort pairs also share content.
/// The result does not depend on the order the signals are added in.
/// </summary>
internal sealed class AccountGraphBuilder(int accountCount, CohortLinks cohort, CoordinationOptions options)
{
    private readonly Dictionary<long, float[]> _edges = [];
    private readonly double[] _totalNorm = new double[accountCount];
    private readonly Dictionary<long, PairStats> _sync = [];
    private readonly HashSet<long> _cohortWithContent = [];

    /// <summary>How many pairs each signal listed (co-occurring at least once).</summary>
    public Dictionary<SignalKind, long> PairsPerSignal { get; } = [];

    public void Add(SignalResult signal)
    {
        for (var a = 0; a < accountCount; a++)
            _totalNorm[a] += signal.Norm[a];
        AddSignal(signal.Kind, signal.Pairs, signal.Norm);
        // Synchrony: pairs posting within seconds of each other, counted across all signals' items.
        foreach (var (key, st) in signal.Synchronised)
            CollectionsMarshal.GetValueRefOrAddDefault(_sync, key, out _).Merge(st);
        // A shared creation day and wake-up only strengthens pairs that already share something.
        foreach (var key in signal.Pairs.Keys)
        {
            if (cohort.Linked(key))
                _cohortWithContent.Add(key);
        }
        PairsPerSignal[signal.Kind] = signal.Pairs.Count;
    }

    public AccountGraph Build()
    {
        AddSignal(SignalKind.Synchrony, _sync, _totalNorm);
        var cohortWeight = (float)options.WeightOf(SignalKind.CreationCohort);
        foreach (var key in _cohortWithContent)
            EdgeOf(key)[(int)SignalKind.CreationCohort] = cohortWeight;
        PairsPerSignal[SignalKind.CreationCohort] = cohort.PairCount;

        // Nodes are numbered in pair-key order, so the graph (and Louvain's result) is the same however the
        // signals were scheduled.
        var keys = _edges.Keys.ToArray();
        Array.Sort(keys);
        var nodeOf = new Dictionary<int, int>();
        var nodeAccount = new List<int>();
        var list = new List<(int, int, double)>();
        var kept = new Dictionary<long, float[]>();
        foreach (var key in keys)
        {
            var perSignal = _edges[key];
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

    private void AddSignal(SignalKind kind, Dictionary<long, PairStats> pairs, double[] norm)
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
            EdgeOf(key)[(int)kind] += (float)(weight * sim);
        }
    }

    private float[] EdgeOf(long key)
    {
        ref var perSignal = ref CollectionsMarshal.GetValueRefOrAddDefault(_edges, key, out var exists);
        if (!exists)
            perSignal = new float[AccountGraph.Kinds.Length];
        return perSignal!;
    }
}
