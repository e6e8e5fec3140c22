using System.Text;
using Riposte.Analytics.Posts;
using Riposte.Detection.Text;

namespace Riposte.Detection.Interning;

/// <summary>
/// Interns a stream of posts into a <see cref="PostTable"/> in one pass. Nothing of a post is kept as an object:
/// ids go into a string archive, texts are signed for near-duplicate detection there and then, and kept compressed.
/// </summary>
internal static class PostTableBuilder
{
    public static PostTable Build(IEnumerable<Post> posts, NearDuplicateGrouper textSigner, int minTextWords)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var accounts = new StringInterner();
        var urls = new StringInterner();
        var tagSequences = new StringInterner();
        var targets = new StringInterner();
        var handles = new List<string?>();
        var platforms = new List<string>();
        var created = new List<long>();

        var ids = new StringArchive(compress: false);
        var texts = new StringArchive(compress: true);
        var signatures = textSigner.NewSignatureSet();
        var postIdRef = new ColumnBuilder<long>();
        var account = new ColumnBuilder<int>();
        var time = new ColumnBuilder<long>();
        var repostOf = new ColumnBuilder<int>();
        var replyTo = new ColumnBuilder<int>();
        var urlStart = new ColumnBuilder<int>();
        var urlIds = new ColumnBuilder<int>();
        var tagSeq = new ColumnBuilder<int>();
        var signatureOf = new ColumnBuilder<int>();
        var textRef = new ColumnBuilder<long>();
        var seenUrls = new HashSet<int>();
        var minTime = long.MaxValue;
        urlStart.Add(0);

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

            postIdRef.Add(ids.Add(post.Id));
            account.Add(a);
            var seconds = post.CreatedAt.ToUnixTimeSeconds();
            time.Add(seconds);
            minTime = Math.Min(minTime, seconds);
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
            var signature = !isRepost && post.Text.Length > 0 ? textSigner.Sign(post.Text, minTextWords, signatures) : PostTable.None;
            signatureOf.Add(signature);
            if (signature != PostTable.None)
                textRef.Add(texts.Add(post.Text));
        }

        var count = account.Count;
        var idRefs = postIdRef.ToArray();
        var accountOf = account.ToArray();
        return new PostTable
        {
            Count = count,
            PostIdRef = idRefs,
            Strings = ids,
            Account = accountOf,
            Time = time.ToArray(),
            RepostOf = repostOf.ToArray(),
            ReplyTo = replyTo.ToArray(),
            UrlStart = urlStart.ToArray(),
            UrlIds = urlIds.ToArray(),
            HashtagSequence = tagSeq.ToArray(),
            SignatureOf = signatureOf.ToArray(),
            Signatures = signatures,
            TextRef = textRef.ToArray(),
            Texts = texts,
            AccountIds = accounts.ToArray(),
            AccountHandles = [.. handles],
            AccountPlatforms = [.. platforms],
            AccountCreated = [.. created],
            Urls = urls.ToArray(),
            HashtagSequences = tagSequences.ToArray(),
            Targets = targets.ToArray(),
            TargetAuthor = TargetAuthors(targets, ids, idRefs, accountOf),
            MinTime = count == 0 ? 0 : minTime,
        };
    }

    /// <summary>The author of each reposted or replied-to post that is itself in the data.</summary>
    private static int[] TargetAuthors(StringInterner targets, StringArchive ids, long[] idRefs, int[] account)
    {
        var targetAuthor = new int[targets.Count];
        Array.Fill(targetAuthor, PostTable.None);
        Span<char> buffer = stackalloc char[256];
        for (var p = 0; p < idRefs.Length; p++)
        {
            var utf8 = ids.Utf8(idRefs[p]);
            var chars = Encoding.UTF8.GetMaxCharCount(utf8.Length) <= buffer.Length
                ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)]
                : Encoding.UTF8.GetString(utf8).AsSpan();
            if (targets.TryGet(chars, out var t))
                targetAuthor[t] = account[p];
        }
        return targetAuthor;
    }
}
