using Riposte.Detection.Graph;

namespace Riposte.Detection;

/// <summary>
/// The combined account graph: every pair a signal links (enough distinct items, more than one
/// source) gets that signal's cosine similarity times the signal's weight; the sum is the edge.
/// Built by <see cref="AccountGraphBuilder"/>.
/// </summary>
internal sealed class AccountGraph
{
    public static readonly SignalKind[] Kinds = Enum.GetValues<SignalKind>();

    public required int[] NodeAccount { get; init; }
    public required WeightedGraph Graph { get; init; }

    /// <summary>Per edge (account pair key): the weighted similarity each signal contributed.</summary>
    public required Dictionary<long, float[]> EdgeSignals { get; init; }
}
