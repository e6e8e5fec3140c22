namespace Riposte.Detection.Signals;

/// <summary>
/// A signal's items (bursts of one key) as runs of <see cref="SortedPosts"/>: item i spans
/// SortedPosts[ItemStart[i]..ItemStart[i+1]], its posts in time order.
/// </summary>
internal sealed class SignalItems
{
    public required SignalKind Kind { get; init; }

    /// <summary>Post indices grouped by item, each item's posts in time order.</summary>
    public required int[] SortedPosts { get; init; }

    /// <summary>CSR: item i spans SortedPosts[ItemStart[i]..ItemStart[i+1]].</summary>
    public required int[] ItemStart { get; init; }

    /// <summary>The key (URL id, target id, text group, hashtag sequence, creation day) of each item.</summary>
    public required int[] ItemKey { get; init; }

    /// <summary>How many distinct accounts posted on each item.</summary>
    public required int[] ItemAccounts { get; init; }

    public int ItemCount => ItemKey.Length;

    /// <summary>
    /// Only the items two accounts or more posted on: the only ones that can be a cluster's evidence. Most items
    /// (a unique text, a post reposted once) have one account, so this keeps a fraction of the memory.
    /// </summary>
    public SignalItems Shared()
    {
        var items = 0;
        var posts = 0;
        for (var i = 0; i < ItemCount; i++)
        {
            if (ItemAccounts[i] >= 2)
            {
                items++;
                posts += ItemStart[i + 1] - ItemStart[i];
            }
        }
        var sortedPosts = new int[posts];
        var itemStart = new int[items + 1];
        var itemKey = new int[items];
        var itemAccounts = new int[items];
        var k = 0;
        for (var i = 0; i < ItemCount; i++)
        {
            if (ItemAccounts[i] < 2)
                continue;
            var run = SortedPosts.AsSpan(ItemStart[i], ItemStart[i + 1] - ItemStart[i]);
            run.CopyTo(sortedPosts.AsSpan(itemStart[k]));
            itemKey[k] = ItemKey[i];
            itemAccounts[k] = ItemAccounts[i];
            itemStart[k + 1] = itemStart[k] + run.Length;
            k++;
        }
        return new SignalItems { Kind = Kind, SortedPosts = sortedPosts, ItemStart = itemStart, ItemKey = itemKey, ItemAccounts = itemAccounts };
    }
}
