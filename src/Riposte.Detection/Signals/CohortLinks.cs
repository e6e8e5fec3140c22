using Riposte.Detection.Interning;

namespace Riposte.Detection.Signals;

/// <summary>
/// Which pairs of accounts woke up together in one creation cohort, answered per pair. Every account is on at most
/// one cohort item (its creation day, its first post), so two per-account arrays answer the question in O(1)
/// instead of listing the pairs: a cohort of 300 accounts is 45,000 pairs, and at ten million posts the cohorts
/// alone would be hundreds of millions of pairs, of which only the few that also share content count.
/// </summary>
internal sealed class CohortLinks
{
    private readonly int[] _itemOf;
    private readonly long[] _wokeAt;
    private readonly long _window;

    private CohortLinks(int[] itemOf, long[] wokeAt, long window, long pairCount)
    {
        _itemOf = itemOf;
        _wokeAt = wokeAt;
        _window = window;
        PairCount = pairCount;
    }

    /// <summary>The items (for evidence).</summary>
    public required SignalItems Items { get; init; }

    /// <summary>How many pairs woke up together (counted, never listed).</summary>
    public long PairCount { get; }

    /// <summary>True when both accounts are on the same cohort item with a weight and woke up within the window of each other.</summary>
    public bool Linked(int a, int b)
    {
        var item = _itemOf[a];
        return a != b && item >= 0 && item == _itemOf[b] && Math.Abs(_wokeAt[a] - _wokeAt[b]) <= _window;
    }

    public bool Linked(long pairKey)
    {
        var (a, b) = PairStats.Split(pairKey);
        return Linked(a, b);
    }

    public static CohortLinks Build(PostTable table, CoordinationOptions options)
    {
        var window = (long)options.CohortWakeWindow.TotalSeconds;
        var cut = ItemCutter.Run(CohortSignal.Occurrences(table, options), table, window, options.MaxItemAccounts);
        var items = cut.Items;
        var itemOf = new int[table.AccountCount];
        Array.Fill(itemOf, -1);
        var wokeAt = new long[table.AccountCount];
        long pairs = 0;
        for (var item = 0; item < items.ItemCount; item++)
        {
            if (cut.ItemWeight[item] <= 0)
                continue;
            var from = items.ItemStart[item];
            var to = items.ItemStart[item + 1];
            var first = from;
            for (var i = from; i < to; i++)
            {
                var p = items.SortedPosts[i];
                itemOf[table.Account[p]] = item;
                wokeAt[table.Account[p]] = table.Time[p];
                // Posts are in time order: the pairs ending at i are those from the first post within the window.
                while (table.Time[p] - table.Time[items.SortedPosts[first]] > window)
                    first++;
                pairs += i - first;
            }
        }
        return new CohortLinks(itemOf, wokeAt, window, pairs) { Items = items.Shared() };
    }
}
