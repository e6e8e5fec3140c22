using Riposte.Detection.Interning;
using Riposte.Detection.Signals;

namespace Riposte.Detection.Scoring;

/// <summary>Finds, for each cluster, the items two or more of its members posted on together.</summary>
internal static class EvidenceCollector
{
    /// <summary>
    /// The shared items of each cluster (strongest first, at most <paramref name="maxItems"/>) and its
    /// coverage: the sum over shared items of (members on the item - 1) / (cluster size - 1), i.e. how
    /// many times over the whole cluster acted together.
    /// </summary>
    /// <remarks>
    /// Exclusivity is the members' share of all accounts on each shared item, averaged with the
    /// members on the item as weights: a campaign's items are posted mostly by the campaign, while
    /// accounts that pile onto news or viral posts are a few among many.
    /// </remarks>
    public static (List<SharedItem>[] Items, double[] Coverage, double[] Exclusivity) Collect(
        PostTable table, IReadOnlyList<SignalItems> signals, Dictionary<int, int> clusterOfAccount, int[] clusterSize, int maxItems)
    {
        var clusterCount = clusterSize.Length;
        var coverage = new double[clusterCount];
        var onItems = new double[clusterCount];
        var allOnItems = new double[clusterCount];
        var found = new List<(int Members, SharedItem Item)>[clusterCount];
        for (var c = 0; c < clusterCount; c++)
            found[c] = [];
        var postsOfCluster = new Dictionary<int, List<int>>();
        foreach (var s in signals)
        {
            for (var item = 0; item < s.ItemCount; item++)
            {
                postsOfCluster.Clear();
                for (var i = s.ItemStart[item]; i < s.ItemStart[item + 1]; i++)
                {
                    var p = s.SortedPosts[i];
                    if (!clusterOfAccount.TryGetValue(table.Account[p], out var c))
                        continue;
                    if (!postsOfCluster.TryGetValue(c, out var list))
                        postsOfCluster[c] = list = [];
                    list.Add(p);
                }
                foreach (var (c, posts) in postsOfCluster)
                {
                    var members = posts.Select(p => table.Account[p]).Distinct().Count();
                    if (members < 2)
                        continue;
                    if (s.Kind != SignalKind.CreationCohort)
                    {
                        coverage[c] += (members - 1.0) / Math.Max(1, clusterSize[c] - 1);
                        onItems[c] += members * ((double)members / s.ItemAccounts[item]);
                        allOnItems[c] += members;
                    }
                    var shared = posts
                        .Select(p => new SharedPost(table.PostId(p), table.AccountIds[table.Account[p]], DateTimeOffset.FromUnixTimeSeconds(table.Time[p])))
                        .ToList();
                    found[c].Add((members, new SharedItem(s.Kind, KeyText(table, s.Kind, s.ItemKey[item], posts[0]), shared)));
                }
            }
        }
        return (found.Select(list => list
            .OrderByDescending(x => x.Members)
            .ThenBy(x => x.Item.FirstPosted)
            .Take(maxItems)
            .Select(x => x.Item)
            .ToList()).ToArray(), coverage, [.. onItems.Select((m, c) => allOnItems[c] > 0 ? m / allOnItems[c] : 0)]);
    }

    private static string KeyText(PostTable table, SignalKind kind, int key, int firstPost) => kind switch
    {
        SignalKind.CoRepost or SignalKind.CoReply => table.Targets[key],
        SignalKind.CoLink => table.Urls[key],
        SignalKind.HashtagSequence => "#" + table.HashtagSequences[key].Replace(" ", " #", StringComparison.Ordinal),
        SignalKind.NearDuplicateText => Truncate(table.TextOf(firstPost), 200),
        SignalKind.CreationCohort => "created " + DateTimeOffset.FromUnixTimeSeconds(key * 86400L).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => key.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
