using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>YouTube Data API v3 videos.list responses. Statistics are strings; tags are creator keywords, so hashtags come from the description.</summary>
internal sealed class YouTubeVideosFormat : JsonDocumentFormat
{
    public override string Name => "youtube-videos";
    public override string Description => "YouTube Data API v3 videos.list response";
    protected override string RecordArrayName => "'items' array";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) => head.IndexOf("\"youtube#videoListResponse\""u8) >= 0;

    protected override bool IsRecordArray(string pattern) => pattern == "$.items";

    protected override RecordResult Map(JsonElement video, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw)
    {
        var snippet = video.Obj("snippet") ?? throw new RecordException("missing field 'snippet'");
        var description = snippet.Str("description") ?? "";
        var statistics = video.Obj("statistics");
        return RecordResult.Ok(new Post
        {
            Platform = "youtube",
            Id = Require.Str(video, "id"),
            AuthorId = Require.Str(snippet, "channelId", "snippet"),
            AuthorHandle = snippet.NonEmpty("channelTitle"),
            CreatedAt = Require.Value(Timestamps.ParseIso(snippet.Str("publishedAt")), "field 'snippet.publishedAt'"),
            Text = string.Join("\n\n", new[] { snippet.Str("title"), description }.Where(t => !string.IsNullOrEmpty(t))),
            Urls = EntityExtractor.Urls(description),
            Hashtags = EntityExtractor.Hashtags(description),
            Mentions = EntityExtractor.Mentions(description),
            Language = snippet.NonEmpty("defaultLanguage") ?? snippet.NonEmpty("defaultAudioLanguage"),
            Views = statistics?.Count("viewCount"),
            Likes = statistics?.Count("likeCount"),
            Replies = statistics?.Count("commentCount"),
        }, location, raw);
    }
}

/// <summary>
/// YouTube commentThreads.list responses: each thread gives its top-level comment (a reply to the video) and the
/// replies included with it (replies to the top-level comment). Counts are integers here.
/// </summary>
internal sealed class YouTubeCommentThreadsFormat : JsonDocumentFormat
{
    public override string Name => "youtube-comments";
    public override string Description => "YouTube Data API v3 commentThreads.list response (comments and replies)";
    protected override string RecordArrayName => "'items' array";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) => head.IndexOf("\"youtube#commentThreadListResponse\""u8) >= 0;

    protected override bool IsRecordArray(string pattern) => pattern == "$.items";

    protected override void MapMany(JsonElement thread, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output)
    {
        var top = thread.At("snippet", "topLevelComment") ?? throw new RecordException("missing field 'snippet.topLevelComment'");
        var videoId = thread.At("snippet")?.Str("videoId");
        output.Add(RecordResult.Ok(Comment(top, videoId, thread.At("snippet")?.Count("totalReplyCount")), location with { Path = location.Path + ".snippet.topLevelComment" }, raw));
        var index = 0;
        foreach (var reply in thread.At("replies")?.Arr("comments") ?? [])
        {
            var replyLocation = location with { Path = $"{location.Path}.replies.comments[{index++}]" };
            try
            {
                output.Add(RecordResult.Ok(Comment(reply, videoId, null), replyLocation, raw));
            }
            catch (Exception e) when (e is RecordException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                output.Add(RecordResult.Reject(RecordException.Describe(e), replyLocation, raw));
            }
        }
    }

    private static Post Comment(JsonElement comment, string? videoId, long? replyCount)
    {
        var snippet = comment.Obj("snippet") ?? throw new RecordException("comment without 'snippet'");
        var text = snippet.Str("textOriginal") ?? snippet.Str("textDisplay") ?? "";
        return new Post
        {
            Platform = "youtube",
            Id = Require.Str(comment, "id"),
            AuthorId = snippet.At("authorChannelId", "value")?.AsString() ?? throw new RecordException("missing field 'snippet.authorChannelId.value'"),
            AuthorHandle = snippet.NonEmpty("authorDisplayName")?.TrimStart('@'),
            CreatedAt = Require.Value(Timestamps.ParseIso(snippet.Str("publishedAt")), "field 'snippet.publishedAt'"),
            Text = text,
            Urls = EntityExtractor.Urls(text),
            Hashtags = EntityExtractor.Hashtags(text),
            Mentions = EntityExtractor.Mentions(text),
            ReplyToId = snippet.NonEmpty("parentId") ?? videoId ?? snippet.NonEmpty("videoId"),
            Likes = snippet.Count("likeCount"),
            Replies = replyCount,
        };
    }
}
