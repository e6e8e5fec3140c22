using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// The twarc-csv plugin's CSV: dotted columns, JSON-encoded list cells, literal "\n" in text, True/False, counts
/// that may be floats (12.0). Retweet rows already carry the original's text and entities (merge_retweets).
/// </summary>
internal sealed class TwarcCsvFormat : CsvFormat
{
    public override string Name => "twarc-csv";
    public override string Description => "X tweets as CSV from the twarc-csv plugin";

    protected override IReadOnlyList<string> RequiredColumns { get; } = ["id", "author_id", "created_at", "text", "referenced_tweets.retweeted.id"];

    protected override Post Map(CsvRow row) => new()
    {
        Platform = TweetMapper.Platform,
        Id = row.Required("id"),
        AuthorId = row.Required("author_id"),
        AuthorHandle = row["author.username"],
        AuthorCreatedAt = Timestamps.ParseIso(row["author.created_at"]),
        CreatedAt = Require.Value(Timestamps.ParseIso(row["created_at"]), $"created_at '{row["created_at"]}'"),
        Text = (row["text"] ?? "").Replace("\\n", "\n", StringComparison.Ordinal),
        // Media links appear as scheme-less display URLs ("pic.x.com/…") and point at the post itself.
        Urls = JsonList(row["entities.urls"]).Where(u => u.StartsWith("http", StringComparison.OrdinalIgnoreCase)).ToArray(),
        Hashtags = JsonList(row["entities.hashtags"]).Select(h => h.TrimStart('#')).ToArray(),
        Mentions = JsonList(row["entities.mentions"]).Select(m => m.TrimStart('@')).ToArray(),
        ReplyToId = Id(row["referenced_tweets.replied_to.id"]),
        RepostOfId = Id(row["referenced_tweets.retweeted.id"]),
        QuoteOfId = Id(row["referenced_tweets.quoted.id"]),
        Language = row["lang"],
        Likes = Counts.Parse(row["public_metrics.like_count"]),
        Reposts = Counts.Parse(row["public_metrics.retweet_count"]),
        Replies = Counts.Parse(row["public_metrics.reply_count"]),
        Quotes = Counts.Parse(row["public_metrics.quote_count"]),
        Views = Counts.Parse(row["public_metrics.impression_count"]),
    };

    // pandas may write an id column with gaps as floats ("1.9005634217651282e+18"), which has lost digits.
    private static string? Id(string? cell) =>
        cell is null ? null
        : cell.All(char.IsAsciiDigit) ? cell
        : cell.EndsWith(".0", StringComparison.Ordinal) && cell[..^2].All(char.IsAsciiDigit) ? cell[..^2]
        : throw new RecordException($"id '{cell}' is not an integer (written as a float it has lost digits)");
}
