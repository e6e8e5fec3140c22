using System.Runtime.InteropServices;
using Riposte.Detection.Interning;

namespace Riposte.Detection.Signals;

/// <summary>
/// First pass of a signal: sorts its occurrences by key and time, cuts each key into items (a gap longer than the
/// window starts a new item), weighs each item by its specificity and sums the accounts' norms.
/// </summary>
internal static class ItemCutter
{
    /// <summary>A signal cut into weighted items.</summary>
    internal sealed class Cut
    {
        public required SignalItems Items { get; init; }

        /// <summary>Squared item weight, or 0 for an item no pair can come from (one account, or more than the maximum).</summary>
        public required float[] ItemWeight { get; init; }

        /// <summary>Who each item came from: the given source of its first occurrence, or its first poster.</summary>
        public required int[] ItemSource { get; init; }

        public required double[] Norm { get; init; }

        /// <summary>Per account: how many items with a weight it is on (an account on fewer than two pairs with nobody twice).</summary>
        public required int[] SharedItemsOf { get; init; }
    }

    public static Cut Run(Occurrences occ, PostTable table, long window, int maxItemAccounts)
    {
        var n = occ.Count;
        var key = CollectionsMarshal.AsSpan(occ.Key);
        var minTime = table.MinTime;
        var sortKeys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortKeys[i] = ((long)key[i] << 32) | (uint)(table.Time[occ.Post[i]] - minTime);
            order[i] = i;
        }
        Array.Sort(sortKeys, order);

        var activeAccounts = CountAccounts(occ, table);
        var norm = new double[table.AccountCount];
        var lastItemOf = new int[table.AccountCount];
        var sharedItemsOf = new int[table.AccountCount];
        var sortedPosts = new int[n];
        var itemStart = new List<int>();
        var itemKey = new List<int>();
        var itemWeight = new List<float>();
        var itemAccounts = new List<int>();
        var itemSource = new List<int>();

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
            var firstSource = occ.Source[order[start]];
            itemSource.Add(firstSource == Occurrences.FirstPoster ? table.Account[sortedPosts[start]] : firstSource);
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

        return new Cut
        {
            Items = new SignalItems
            {
                Kind = occ.Kind,
                SortedPosts = sortedPosts,
                ItemStart = [.. itemStart],
                ItemKey = [.. itemKey],
                ItemAccounts = [.. itemAccounts],
            },
            ItemWeight = [.. itemWeight],
            ItemSource = [.. itemSource],
            Norm = norm,
            SharedItemsOf = sharedItemsOf,
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
