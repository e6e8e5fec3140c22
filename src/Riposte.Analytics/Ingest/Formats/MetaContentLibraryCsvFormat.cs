using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// Meta Content Library Facebook posts as CSV with the API's dotted field names. Not verified against a real
/// download (see the formats README): the mapping follows the documented API fields.
/// </summary>
internal sealed class MetaContentLibraryCsvFormat : CsvFormat
{
    public override string Name => "meta-mcl";
    public override string Description => "Meta Content Library Facebook posts CSV (API field names)";

    protected override IReadOnlyList<string> RequiredColumns { get; } = ["id", "creation_time", "post_owner.id"];

    protected override Post Map(CsvRow row)
    {
        var text = row["text"] ?? "";
        var isReshare = string.Equals(row["is_reshare"], "True", StringComparison.OrdinalIgnoreCase);
        return new Post
        {
            Platform = "facebook-mcl",
            Id = row.Required("id"),
            AuthorId = row.Required("post_owner.id"),
            AuthorHandle = row["post_owner.username"],
            CreatedAt = Require.Value(Timestamps.ParseIso(row["creation_time"]), $"creation_time '{row["creation_time"]}'"),
            Text = text,
            Urls = row["link_attachment.link"] is { } link ? [link] : EntityExtractor.Urls(text),
            Hashtags = EntityExtractor.Hashtags(text),
            Mentions = EntityExtractor.Mentions(text),
            RepostOfId = isReshare ? row["shared_post_id"] : null,
            Language = row["lang"],
            Likes = Counts.Parse(row["statistics.reaction_count"]) ?? Counts.Parse(row["statistics.like_count"]),
            Replies = Counts.Parse(row["statistics.comment_count"]),
            Reposts = Counts.Parse(row["statistics.share_count"]),
            Views = Counts.Parse(row["statistics.views"]),
        };
    }
}
