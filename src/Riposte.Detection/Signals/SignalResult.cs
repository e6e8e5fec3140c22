namespace Riposte.Detection.Signals;

/// <summary>One content signal computed: the pairs it links, their synchronised part, the accounts' norms and its items.</summary>
internal sealed class SignalResult
{
    public SignalKind Kind => Items.Kind;

    public required SignalItems Items { get; init; }

    public required Dictionary<long, PairStats> Pairs { get; init; }

    /// <summary>Synchronised co-occurrences (within the synchrony window) found on this signal's items.</summary>
    public required Dictionary<long, PairStats> Synchronised { get; init; }

    /// <summary>Per account: sum of squared weights of every item it is on (the cosine norm).</summary>
    public required double[] Norm { get; init; }
}
