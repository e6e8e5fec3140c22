namespace Riposte.Detection.Signals;

/// <summary>
/// One signal computed: the pairs it links and, for evidence, its items (bursts of one key) as
/// runs of <see cref="SortedPosts"/>.
/// </summary>
internal sealed class SignalResult
{
    public required SignalKind Kind { get; init; }
    public required Dictionary<long, PairStats> Pairs { get; init; }

    /// <summary>Synchronised co-occurrences (within the synchrony window) found on this signal's items.</summary>
    public required Dictionary<long, PairStats> Synchronised { get; init; }

    /// <summary>Per account: sum of squared weights of every item it is on (the cosine norm).</summary>
    public required double[] Norm { get; init; }

    /// <summary>Post indices grouped by item, each item's posts in time order.</summary>
    public required int[] SortedPosts { get; init; }

    /// <summary>CSR: item i spans SortedPosts[ItemStart[i]..ItemStart[i+1]].</summary>
    public required int[] ItemStart { get; init; }

    /// <summary>The key (URL id, target id, text group, hashtag sequence) of each item.</summary>
    public required int[] ItemKey { get; init; }

    /// <summary>How many distinct accounts posted on each item.</summary>
    public required int[] ItemAccounts { get; init; }

    public int ItemCount => ItemKey.Length;
}
