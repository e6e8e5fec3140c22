using System.Runtime.InteropServices;
using Riposte.Detection.Interning;

namespace Riposte.Detection.Signals;

/// <summary>
/// Turns a signal's occurrences into weighted account pairs. Occurrences of one key are split
/// into items (bursts: a gap longer than the window starts a new item). Each item gets an IDF weight
/// (<see cref="Specificity"/>), so an item shared by thousands says little about any pair; two
/// accounts co-occur on an item when they posted on it within the window; and the pair's
/// similarity is the cosine of the accounts' weighted item vectors, which normalises by activity.
/// </summary>
internal static class CoOccurrence
{
    public static SignalResult Compute(
        Occurrences occ, PostTable table, long window, long syncWindow, int maxItemAccounts, int minItems)
    {
        var n = occ.Count;
        var key = CollectionsMarshal.AsSpan(occ.Key);
        var minTime = n == 0 ? 0 : table.Time.Min();
        var sortKeys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortKeys[i] = ((long)key[i] << 32) | (uint)(table.Time[occ.Post[i]] - minTime);
            order[i] = i;
        }
        Array.Sort(sortKeys, order);

        var activeAccounts = CountAccounts(occ, table);
        var pairs = new Dictionary<long, PairStats>();
        var sync = new Dictionary<long, PairStats>();
        var norm = new double[table.AccountCount];
        var lastItemOf = new int[table.AccountCount];
        var sharedItemsOf = new int[table.AccountCount];
        var sortedPosts = new int[n];
        var itemStart = new List<int>();
        var itemKey = new List<int>();
        var itemWeight = new List<float>();
        var itemAccounts = new List<int>();

        // Pass 1: cut items (same key, no gap longer than the window), weigh them, build the norms.
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            var k = key[order[start]];
            while (end < n && key[order[end]] == k && TimeOf(end) - TimeOf(end - 1) <= window)
                end++;
            var item = itemStart.Count;
            itemStart.Add(start);
            itemKey.Add(k);
            var distinct = 0;
            for (var i = start; i < end; i++)
            {
                var p = occ.Post[order[i]];
                sortedPosts[i] = p;
                var a = table.Account[p];
                if (lastItemOf[a] != item + 1)
                {
                    lastItemOf[a] = item + 1;
                    distinct++;
                }
            }
            itemAccounts.Add(distinct);
            var w = Specificity(distinct, activeAccounts);
            var w2 = w * w;
            var shared = distinct >= 2 && distinct <= maxItemAccounts;
            itemWeight.Add(shared ? w2 : 0);
            for (var i = start; i < end; i++)
            {
                var a = table.Account[sortedPosts[i]];
                if (lastItemOf[a] == item + 1)
                {
                    norm[a] += w2;
                    if (shared)
                        sharedItemsOf[a]++;
                    lastItemOf[a] = -(item + 1);   // counted once
                }
            }
            start = end;
        }
        itemStart.Add(n);

        // Pass 2: pairs within the window on shared items, among accounts that can reach the
        // minimum number of distinct items at all (most accounts share one item, if any).
        for (var item = 0; item < itemKey.Count; item++)
        {
            var w2 = itemWeight[item];
            if (w2 <= 0)
                continue;
            var from = itemStart[item];
            var to = itemStart[item + 1];
            var firstSource = occ.Source[order[from]];
            var source = firstSource == Occurrences.FirstPoster ? table.Account[sortedPosts[from]] : firstSource;
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

        return new SignalResult
        {
            Kind = occ.Kind,
            Pairs = pairs,
            Synchronised = sync,
            Norm = norm,
            SortedPosts = sortedPosts,
            ItemStart = [.. itemStart],
            ItemKey = [.. itemKey],
            ItemAccounts = [.. itemAccounts],
        };

        long TimeOf(int sortedIndex) => sortKeys[sortedIndex] & 0xFFFFFFFF;
    }

    /// <summary>
    /// IDF scaled so an item only two accounts share weighs 1 and one shared by every account 0:
    /// ln(N/n) / ln(N/2).
    /// </summary>
    internal static float Specificity(int accountsOnItem, int accountsInSignal)
    {
        var n = Math.Max(2, accountsOnItem);
        var all = Math.Max(3, accountsInSignal);
        return (float)Math.Clamp(Math.Log((double)all / n) / Math.Log(all / 2.0), 0.0, 1.0);
    }

    private static int CountAccounts(Occurrences occ, PostTable table)
    {
        var seen = new bool[table.AccountCount];
        var count = 0;
        foreach (var p in occ.Post)
        {
            var a = table.Account[p];
            if (!seen[a])
            {
                seen[a] = true;
                count++;
            }
        }
        return count;
    }
}
