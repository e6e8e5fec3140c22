using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// 4CAT's raw Telegram dataset: one serialised Telethon Message a line. Post ids are "chat id/message id", as for the
/// Telegram Desktop export, so the same message from either source is one post. Entity offsets are UTF-16 code units.
/// </summary>
internal sealed class FourCatTelegramNdjsonFormat : JsonLinesFormat
{
    public override string Name => "4cat-telegram";
    public override string Description => "4CAT Telegram NDJSON (serialised Telethon messages)";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var line = FirstLine(head);
        return line.StartsWith("{"u8) && line.IndexOf("\"_type\": \"Message\""u8) >= 0 && line.IndexOf("\"peer_id\""u8) >= 0;
    }

    protected override void MapLine(JsonElement root, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output, ReadState state)
    {
        if (root.Str("_type") != "Message")
        {
            output.Add(RecordResult.Skip($"a Telethon {root.Str("_type") ?? "object"}, not a message", location, raw));
            return;
        }
        var chat = PeerId(root.Obj("peer_id")) ?? throw new RecordException("missing field 'peer_id'");
        var text = root.Str("message") ?? "";
        var entities = root.Arr("entities").ToArray();
        string Slice(JsonElement e)
        {
            var offset = (int)(e.Count("offset") ?? 0);
            var length = (int)(e.Count("length") ?? 0);
            return offset >= 0 && length >= 0 && offset + length <= text.Length ? text.Substring(offset, length) : "";
        }
        var urls = entities.Select(e => e.Str("_type") switch
        {
            "MessageEntityUrl" => Slice(e),
            "MessageEntityTextUrl" => e.Str("url"),
            _ => null,
        }).OfType<string>().ToList();
        if (root.At("media", "webpage", "url")?.AsString() is { } webpage)
            urls.Add(webpage);
        var sender = root.Obj("_sender");
        var forward = root.Obj("fwd_from");
        var forwardFrom = forward is { } f ? PeerId(f.Obj("from_id")) : null;
        var replyTo = root.At("reply_to", "reply_to_msg_id")?.AsString();
        var replyPeer = PeerId(root.At("reply_to", "reply_to_peer_id") is { ValueKind: JsonValueKind.Object } peer ? peer : null);
        output.Add(RecordResult.Ok(new Post
        {
            Platform = TelegramDesktopFormat.Platform,
            Id = $"{chat}/{Require.Str(root, "id")}",
            AuthorId = SenderId(sender) ?? PeerWithType(root.Obj("from_id")) ?? "channel" + chat,
            AuthorHandle = sender?.NonEmpty("username"),
            CreatedAt = Require.Value(Timestamps.ParseUnixSeconds(root.Str("date")), "field 'date'"),
            Text = text,
            Urls = urls,
            Hashtags = entities.Where(e => e.Str("_type") == "MessageEntityHashtag").Select(e => Slice(e).TrimStart('#')).Where(t => t.Length > 0).ToArray(),
            Mentions = entities.Select(e => e.Str("_type") switch
            {
                "MessageEntityMention" => Slice(e).TrimStart('@'),
                "MessageEntityMentionName" => e.Str("user_id"),
                _ => null,
            }).Where(m => !string.IsNullOrEmpty(m)).Cast<string>().ToArray(),
            ReplyToId = replyTo is null ? null : $"{replyPeer ?? chat}/{replyTo}",
            RepostOfId = forwardFrom is not null && forward?.Str("channel_post") is { } post ? $"{forwardFrom}/{post}" : null,
            Likes = root.Obj("reactions") is { } reactions ? reactions.Arr("results").Sum(r => r.Count("count") ?? 0) : null,
            Reposts = root.Count("forwards"),
            Replies = root.At("replies", "replies")?.AsCount(),
            Views = root.Count("views"),
        }, location, raw));
    }

    private static string? PeerId(JsonElement? peer) =>
        peer is { } p ? p.Str("channel_id") ?? p.Str("chat_id") ?? p.Str("user_id") : null;

    // Prefixed like Telegram Desktop's from_id ("channel123", "user123"), so authors match across both exports.
    private static string? PeerWithType(JsonElement? peer) =>
        peer is { } p
            ? p.Str("channel_id") is { } channel ? "channel" + channel
            : p.Str("chat_id") is { } chat ? "chat" + chat
            : p.Str("user_id") is { } user ? "user" + user
            : null
            : null;

    private static string? SenderId(JsonElement? sender) =>
        sender is { } s && s.Str("id") is { } id
            ? s.Str("_type") switch { "User" => "user", "Chat" => "chat", _ => "channel" } + id
            : null;
}
