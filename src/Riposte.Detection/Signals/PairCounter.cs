using System.Runtime.InteropServices;
using Riposte.Detection.Interning;

namespace Riposte.Detection.Signals;

/// <summary>
/// Turns a signal's occurrences into weighted account pairs. Each item gets an IDF weight
/// (<see cref="ItemCutter.Specificity"/>), so an item shared by thousands says little about any pair; two
/// accounts co-occur on an item when they posted on it within the window; and the pair's
/// similarity is the cosine of the accounts' weighted item vectors, which normalises by activity.
/// </summary>
internal static class PairCounter
{
    public static SignalResult Compute(
        Occurrences occ, PostTable table, long window, long syncWindow, int maxItemAccounts, int minItems)
    {
        var cut = ItemCutter.Run(occ, table, window, maxItemAccounts);
        var (pairs, sync) = Count(cut, table, window, syncWindow, minItems);
        return new SignalResult { Items = cut.Items, Pairs = pairs, Synchronised = sync, Norm = cut.Norm };
    }

    /// <summary>
    /// Pairs within the window on shared items, among accounts that can reach the minimum number of distinct items
    /// at all (most accounts share one item, if any).
    /// </summary>
    private static (Dictionary<long, PairStats> Pairs, Dictionary<long, PairStats> Sync) Count(
        ItemCutter.Cut cut, PostTable table, long window, long syncWindow, int minItems)
    {
        var pairs = new Dictionary<long, PairStats>();
        var sync = new Dictionary<long, PairStats>();
        var items = cut.Items;
        var sortedPosts = items.SortedPosts;
        var sharedItemsOf = cut.SharedItemsOf;
        for (var item = 0; item < items.ItemCount; item++)
        {
            var w2 = cut.ItemWeight[item];
            if (w2 <= 0)
                continue;
            var from = items.ItemStart[item];
            var to = items.ItemStart[item + 1];
            var source = cut.ItemSource[item];
            for (var i = from; i < to; i++)
            {
                var pi = sortedPosts[i];
                var ai = table.Account[pi];
                if (sharedItemsOf[ai] < minItems)
                    continue;
                var ti = table.Time[pi];
                for (var j = i + 1; j < to; j++)
                {
                    var pj = sortedPosts[j];
                    var dt = table.Time[pj] - ti;
                    if (dt > window)
                        break;
                    var aj = table.Account[pj];
                    if (ai == aj || sharedItemsOf[aj] < minItems)
                        continue;
                    var pk = PairStats.Key(ai, aj);
                    CollectionsMarshal.GetValueRefOrAddDefault(pairs, pk, out _).Count(item, w2, source);
                    if (dt <= syncWindow)
                        CollectionsMarshal.GetValueRefOrAddDefault(sync, pk, out _).Count(item, w2, source);
                }
            }
        }
        return (pairs, sync);
    }
}
