using System.Text;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Storage;

/// <summary>
/// Turns rows of the post columns (in <c>SqlitePostStore</c>'s select order) into posts. Repeating values (platform,
/// authors, handles, tags, languages) are pooled: the detector holds a million posts, and this keeps it lean.
/// </summary>
internal sealed class PostRowReader(RawStatement row)
{
    private readonly StringPool _pool = new();

    public Post Read() => new()
    {
        Platform = _pool.Get(row.Utf8(0)),
        Id = Text(1)!,
        AuthorId = _pool.Get(row.Utf8(2)),
        AuthorHandle = row.IsNull(3) ? null : _pool.Get(row.Utf8(3)),
        AuthorCreatedAt = row.IsNull(4) ? null : PostColumns.FromMilliseconds(row.Int64(4)),
        CreatedAt = PostColumns.FromMilliseconds(row.Int64(5)),
        Text = Text(6) ?? "",
        Urls = List(7, pooled: false),
        Hashtags = List(8, pooled: true),
        Mentions = List(9, pooled: true),
        ReplyToId = Text(10),
        RepostOfId = Text(11),
        QuoteOfId = Text(12),
        Language = row.IsNull(13) ? null : _pool.Get(row.Utf8(13)),
        Likes = row.NullableInt64(14),
        Reposts = row.NullableInt64(15),
        Replies = row.NullableInt64(16),
        Quotes = row.NullableInt64(17),
        Views = row.NullableInt64(18),
    };

    private string? Text(int column) => row.IsNull(column) ? null : Encoding.UTF8.GetString(row.Utf8(column));

    private IReadOnlyList<string> List(int column, bool pooled)
    {
        if (row.IsNull(column))
            return [];
        var bytes = row.Utf8(column);
        var values = new List<string>(bytes.Count((byte)'\n') + 1);
        foreach (var range in bytes.Split((byte)'\n'))
        {
            var part = bytes[range];
            values.Add(pooled ? _pool.Get(part) : Encoding.UTF8.GetString(part));
        }
        return values;
    }
}
