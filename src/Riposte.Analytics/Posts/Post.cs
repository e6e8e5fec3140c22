namespace Riposte.Analytics.Posts;

/// <summary>
/// One post in the common model every platform format maps to (see docs/analytics.md).
/// Ids are strings: several platforms use ids beyond 2^53. Counts are null when the format does
/// not carry them — unknown is not zero.
/// </summary>
public sealed record Post
{
    public required string Platform { get; init; }
    public required string Id { get; init; }
    public required string AuthorId { get; init; }
    public string? AuthorHandle { get; init; }
    public DateTimeOffset? AuthorCreatedAt { get; init; }

    /// <summary>UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public string Text { get; init; } = "";
    public IReadOnlyList<string> Urls { get; init; } = [];
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public IReadOnlyList<string> Mentions { get; init; } = [];
    public string? ReplyToId { get; init; }
    public string? RepostOfId { get; init; }
    public string? QuoteOfId { get; init; }
    public string? Language { get; init; }

    public long? Likes { get; init; }
    public long? Reposts { get; init; }
    public long? Replies { get; init; }
    public long? Quotes { get; init; }
    public long? Views { get; init; }
}
