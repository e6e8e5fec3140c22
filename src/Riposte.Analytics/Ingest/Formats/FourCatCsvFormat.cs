using System.Globalization;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// 4CAT's CSV export (map_item output). Only <c>id, thread_id, author, body, timestamp</c> are common to every data
/// source, so posts keep 4CAT's own ids under platform "4cat"; the Telegram columns (views, reactions, reply_to,
/// link_attached) are used when present.
/// </summary>
internal sealed class FourCatCsvFormat : CsvFormat
{
    public override string Name => "4cat-csv";
    public override string Description => "4CAT CSV export (id, thread_id, author, body, timestamp)";

    protected override IReadOnlyList<string> RequiredColumns { get; } = ["id", "thread_id", "author", "body", "timestamp"];

    protected override Post Map(CsvRow row)
    {
        var body = row["body"] ?? "";
        var created = Timestamps.ParseUnixSeconds(row["unix_timestamp"]) ?? Timestamps.ParseIso(row["timestamp"])
            ?? throw new RecordException($"unreadable timestamp '{row["timestamp"]}'");
        var urls = EntityExtractor.Urls(body).ToList();
        if (row["link_attached"] is { } attached)
            urls.Insert(0, attached);
        var thread = row.Required("thread_id");
        var reactions = row["reactions"];
        return new Post
        {
            Platform = "4cat",
            Id = row.Required("id"),
            AuthorId = row.Required("author"),
            AuthorHandle = row["author_username"],
            CreatedAt = created,
            Text = body,
            Urls = urls,
            Hashtags = EntityExtractor.Hashtags(body),
            Mentions = row["entities_mentioned"] is { } mentioned
                ? mentioned.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : EntityExtractor.Mentions(body),
            ReplyToId = row["reply_to"] is { } reply ? $"{thread}-{reply}" : null,
            Views = Counts.Parse(row["views"]),
            // 4CAT writes each reaction emoji once per count ("🔥🔥🔥"), so the count is the number of emoji.
            Likes = reactions is null ? null : new StringInfo(reactions).LengthInTextElements,
        };
    }
}
