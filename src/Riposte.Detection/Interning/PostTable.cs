using Riposte.Detection.Text;

namespace Riposte.Detection.Interning;

/// <summary>
/// Every post reduced to ints and longs (struct-of-arrays), so the signals scan compact memory
/// instead of object graphs. Times are Unix seconds (UTC). Texts are not kept as strings: each is
/// signed for near-duplicate detection as it is read, and kept compressed for the evidence.
/// </summary>
internal sealed class PostTable
{
    public const int None = -1;

    public required int Count { get; init; }

    /// <summary>Reference of each post's id in <see cref="Strings"/>.</summary>
    public required long[] PostIdRef { get; init; }

    /// <summary>Post ids (uncompressed).</summary>
    public required StringArchive Strings { get; init; }

    public required int[] Account { get; init; }
    public required long[] Time { get; init; }

    /// <summary>Interned id of the reposted post, or <see cref="None"/>.</summary>
    public required int[] RepostOf { get; init; }

    /// <summary>Interned id of the post replied to, or <see cref="None"/>.</summary>
    public required int[] ReplyTo { get; init; }

    /// <summary>CSR: the canonical URL ids of post p are UrlIds[UrlStart[p]..UrlStart[p+1]].</summary>
    public required int[] UrlStart { get; init; }
    public required int[] UrlIds { get; init; }

    /// <summary>Interned ordered hashtag sequence (two tags or more), or <see cref="None"/>.</summary>
    public required int[] HashtagSequence { get; init; }

    /// <summary>Index of the post's text signature in <see cref="Signatures"/>, or <see cref="None"/> (a repost, or too short).</summary>
    public required int[] SignatureOf { get; init; }

    public required SignatureSet Signatures { get; init; }

    /// <summary>Reference in <see cref="Texts"/> of the text behind each signature.</summary>
    public required long[] TextRef { get; init; }

    /// <summary>The signed texts, LZ4-compressed.</summary>
    public required StringArchive Texts { get; init; }

    public required string[] AccountIds { get; init; }
    public required string?[] AccountHandles { get; init; }
    public required string[] AccountPlatforms { get; init; }

    /// <summary>Account creation time in Unix seconds, or long.MinValue when the data does not say.</summary>
    public required long[] AccountCreated { get; init; }

    public required string[] Urls { get; init; }
    public required string[] HashtagSequences { get; init; }

    /// <summary>The ids of reposted/replied posts, indexed by the interned target id.</summary>
    public required string[] Targets { get; init; }

    /// <summary>Author (account index) of each target when the target post is in the data, else <see cref="None"/>.</summary>
    public required int[] TargetAuthor { get; init; }

    /// <summary>The earliest post time (0 when there are no posts): signals sort times as offsets from it.</summary>
    public required long MinTime { get; init; }

    public int AccountCount => AccountIds.Length;

    public string PostId(int post) => Strings.Get(PostIdRef[post]);

    /// <summary>The text of a post that has a signature (only those can be near-duplicates).</summary>
    public string TextOf(int post) => SignatureOf[post] == None ? "" : Texts.Get(TextRef[SignatureOf[post]]);

    public IEnumerable<int> UrlsOf(int post)
    {
        for (var k = UrlStart[post]; k < UrlStart[post + 1]; k++)
            yield return UrlIds[k];
    }
}
