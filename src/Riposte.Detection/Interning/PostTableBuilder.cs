using Riposte.Analytics.Posts;

namespace Riposte.Detection.Interning;

/// <summary>Interns a stream of posts into a <see cref="PostTable"/> in one pass.</summary>
internal static class PostTableBuilder
{
    public static PostTable Build(IEnumerable<Post> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var accounts = new StringInterner();
        var urls = new StringInterner();
        var tagSequences = new StringInterner();
        var targets = new StringInterner();
        var handles = new List<string?>();
        var platforms = new List<string>();
        var created = new List<long>();

        var postIds = new List<string>();
        var account = new List<int>();
        var time = new List<long>();
        var repostOf = new List<int>();
        var replyTo = new List<int>();
        var urlStart = new List<int> { 0 };
        var urlIds = new List<int>();
        var tagSeq = new List<int>();
        var text = new List<string?>();
        var seenUrls = new HashSet<int>();

        foreach (var post in posts)
        {
            var a = accounts.Intern(post.AuthorId);
            if (a == handles.Count)
            {
                handles.Add(post.AuthorHandle);
                platforms.Add(post.Platform);
                created.Add(long.MinValue);
            }
            if (created[a] == long.MinValue && post.AuthorCreatedAt is { } c)
                created[a] = c.ToUnixTimeSeconds();

            postIds.Add(post.Id);
            account.Add(a);
            time.Add(post.CreatedAt.ToUnixTimeSeconds());
            var isRepost = post.RepostOfId is not null;
            repostOf.Add(isRepost ? targets.Intern(post.RepostOfId!) : PostTable.None);
            replyTo.Add(post.ReplyToId is { } r ? targets.Intern(r) : PostTable.None);

            // A repost carries the original's URLs and tags: those belong to the co-repost signal.
            seenUrls.Clear();
            if (!isRepost)
            {
                foreach (var u in post.Urls)
                {
                    var id = urls.Intern(UrlCanonicaliser.Canonicalise(u));
                    if (seenUrls.Add(id))
                        urlIds.Add(id);
                }
            }
            urlStart.Add(urlIds.Count);
            tagSeq.Add(!isRepost && post.Hashtags.Count >= 2
                ? tagSequences.Intern(string.Join(' ', post.Hashtags.Select(h => h.TrimStart('#').ToLowerInvariant())))
                : PostTable.None);
            text.Add(isRepost ? null : post.Text);
        }

        var targetIds = targets.ToArray();
        var targetAuthor = new int[targetIds.Length];
        Array.Fill(targetAuthor, PostTable.None);
        for (var p = 0; p < postIds.Count; p++)
        {
            if (targets.TryGet(postIds[p], out var t))
                targetAuthor[t] = account[p];
        }

        return new PostTable
        {
            Count = postIds.Count,
            PostIds = [.. postIds],
            Account = [.. account],
            Time = [.. time],
            RepostOf = [.. repostOf],
            ReplyTo = [.. replyTo],
            UrlStart = [.. urlStart],
            UrlIds = [.. urlIds],
            HashtagSequence = [.. tagSeq],
            Text = [.. text],
            AccountIds = accounts.ToArray(),
            AccountHandles = [.. handles],
            AccountPlatforms = [.. platforms],
            AccountCreated = [.. created],
            Urls = urls.ToArray(),
            HashtagSequences = tagSequences.ToArray(),
            Targets = targetIds,
            TargetAuthor = targetAuthor,
        };
    }
}
