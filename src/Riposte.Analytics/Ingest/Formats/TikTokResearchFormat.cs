using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// TikTok Research API video query responses. Ids are bare 64-bit JSON numbers, read from their raw text so no
/// digit is lost to a double. The API gives no author id, so the username stands in for it.
/// </summary>
internal sealed class TikTokResearchFormat : JsonDocumentFormat
{
    public override string Name => "tiktok-research";
    public override string Description => "TikTok Research API /v2/research/video/query/ response";
    protected override string RecordArrayName => "'data.videos' array";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) =>
        head.IndexOf("\"videos\""u8) >= 0 && (head.IndexOf("\"create_time\""u8) >= 0 || head.IndexOf("\"search_id\""u8) >= 0);

    protected override bool IsRecordArray(string pattern) => pattern == "$.data.videos";

    protected override RecordResult Map(JsonElement video, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw)
    {
        var username = Require.Str(video, "username");
        var description = video.Str("video_description") ?? "";
        var hashtags = video.Arr("hashtag_names").Select(h => h.AsString()).OfType<string>().ToArray();
        var created = video.Str("create_time") is { } seconds ? Timestamps.ParseUnixSeconds(seconds) : null;
        return RecordResult.Ok(new Post
        {
            Platform = "tiktok",
            Id = video.NonEmpty("id") ?? video.NonEmpty("video_id") ?? throw new RecordException("missing field 'id'"),
            AuthorId = username,
            AuthorHandle = username,
            CreatedAt = Require.Value(created, "field 'create_time'"),
            Text = description,
            Urls = EntityExtractor.Urls(description),
            Hashtags = hashtags.Length > 0 ? hashtags : EntityExtractor.Hashtags(description),
            Mentions = video.Arr("video_mention_list").Select(m => m.AsString()?.TrimStart('@')).OfType<string>().ToArray(),
            Likes = video.Count("like_count"),
            Replies = video.Count("comment_count"),
            Reposts = video.Count("share_count"),
            Views = video.Count("view_count"),
        }, location, raw);
    }
}
