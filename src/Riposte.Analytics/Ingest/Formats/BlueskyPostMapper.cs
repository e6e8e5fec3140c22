using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>Maps an app.bsky.feed.post record (from Jetstream or a postView) to a post; the id is the AT URI.</summary>
internal static class BlueskyPostMapper
{
    public const string Platform = "bluesky";

    public static Post Map(string uri, string did, JsonElement record, string? handle)
    {
        var facets = record.Arr("facets").SelectMany(f => f.Arr("features")).ToArray();
        string? Feature(JsonElement f, string type, string member) => f.Str("$type") == type ? f.Str(member) : null;
        var urls = facets.Select(f => Feature(f, "app.bsky.richtext.facet#link", "uri")).OfType<string>().ToList();
        var embed = record.Obj("embed");
        if (embed?.At("external", "uri")?.AsString() is { } external)
            urls.Add(external);
        var quoted = embed?.Str("$type") switch
        {
            "app.bsky.embed.record" => embed?.At("record", "uri")?.AsString(),
            "app.bsky.embed.recordWithMedia" => embed?.At("record", "record", "uri")?.AsString(),
            _ => null,
        };
        return new Post
        {
            Platform = Platform,
            Id = uri,
            AuthorId = did,
            AuthorHandle = handle,
            CreatedAt = Require.Value(Timestamps.ParseIso(record.Str("createdAt")), "field 'record.createdAt'"),
            Text = record.Str("text") ?? "",
            Urls = urls,
            Hashtags = facets.Select(f => Feature(f, "app.bsky.richtext.facet#tag", "tag")).Concat(record.Arr("tags").Select(t => t.AsString()))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            Mentions = facets.Select(f => Feature(f, "app.bsky.richtext.facet#mention", "did")).OfType<string>().ToArray(),
            ReplyToId = record.At("reply", "parent", "uri")?.AsString(),
            QuoteOfId = quoted,
            Language = record.Arr("langs").Select(l => l.AsString()).FirstOrDefault(l => !string.IsNullOrEmpty(l)),
        };
    }
}

/// <summary>
/// Bluesky Jetstream events, one a line. Post creates become posts, repost records become reposts of their subject,
/// deletes and other collections are skipped (and reported), identity events teach the handles of later posts.
/// </summary>
internal sealed class JetstreamFormat : JsonLinesFormat
{
    public override string Name => "bluesky-jetstream";
    public override string Description => "Bluesky Jetstream events (JSONL of commit/identity/account events)";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var line = FirstLine(head);
        return line.StartsWith("{\"did\""u8) && line.IndexOf("\"time_us\""u8) >= 0 && line.IndexOf("\"kind\""u8) >= 0;
    }

    protected override void MapLine(JsonElement root, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output, ReadState state)
    {
        var did = Require.Str(root, "did");
        switch (root.Str("kind"))
        {
            case "identity":
                if (root.At("identity", "handle")?.AsString() is { Length: > 0 } newHandle)
                    state.Handles[did] = newHandle;
                output.Add(RecordResult.Skip($"identity event: {did} is {root.At("identity", "handle")?.AsString() ?? "without handle"}", location, raw));
                return;
            case "account":
                output.Add(RecordResult.Skip($"account event: {did} {root.At("account", "status")?.AsString() ?? "active"}", location, raw));
                return;
            case "commit":
                break;
            default:
                throw new RecordException($"unknown event kind '{root.Str("kind")}'");
        }
        var commit = root.Obj("commit") ?? throw new RecordException("missing field 'commit'");
        var collection = Require.Str(commit, "collection", "commit");
        var uri = $"at://{did}/{collection}/{Require.Str(commit, "rkey", "commit")}";
        var operation = commit.Str("operation");
        if (operation == "delete")
        {
            output.Add(RecordResult.Skip($"delete of {uri}", location, raw));
            return;
        }
        var record = commit.Obj("record") ?? throw new RecordException($"a {operation} without 'commit.record'");
        var handle = state.Handles.GetValueOrDefault(did);
        switch (collection)
        {
            case "app.bsky.feed.post":
                output.Add(RecordResult.Ok(BlueskyPostMapper.Map(uri, did, record, handle), location, raw));
                break;
            case "app.bsky.feed.repost":
                output.Add(RecordResult.Ok(new Post
                {
                    Platform = BlueskyPostMapper.Platform,
                    Id = uri,
                    AuthorId = did,
                    AuthorHandle = handle,
                    CreatedAt = Require.Value(Timestamps.ParseIso(record.Str("createdAt")), "field 'record.createdAt'"),
                    RepostOfId = record.At("subject", "uri")?.AsString() ?? throw new RecordException("repost without 'subject.uri'"),
                }, location, raw));
                break;
            default:
                output.Add(RecordResult.Skip($"a {collection} record, not a post", location, raw));
                break;
        }
    }
}

/// <summary>Bluesky app.bsky.feed.searchPosts (or getAuthorFeed-like) output: postViews with handles and counts.</summary>
internal sealed class BlueskySearchPostsFormat : JsonDocumentFormat
{
    public override string Name => "bluesky-search";
    public override string Description => "Bluesky app.bsky.feed.searchPosts response (postView objects)";
    protected override string RecordArrayName => "'posts' array";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) =>
        head.IndexOf("\"posts\""u8) >= 0 && head.IndexOf("\"at://did:"u8) >= 0 && head.IndexOf("\"app.bsky.feed.post\""u8) >= 0;

    protected override bool IsRecordArray(string pattern) => pattern == "$.posts";

    protected override RecordResult Map(JsonElement view, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw)
    {
        var author = view.Obj("author") ?? throw new RecordException("missing field 'author'");
        var record = view.Obj("record") ?? throw new RecordException("missing field 'record'");
        var post = BlueskyPostMapper.Map(Require.Str(view, "uri"), Require.Str(author, "did", "author"), record, author.NonEmpty("handle"));
        return RecordResult.Ok(post with
        {
            AuthorCreatedAt = Timestamps.ParseIso(author.Str("createdAt")),
            Likes = view.Count("likeCount"),
            Reposts = view.Count("repostCount"),
            Replies = view.Count("replyCount"),
            Quotes = view.Count("quoteCount"),
        }, location, raw);
    }
}
