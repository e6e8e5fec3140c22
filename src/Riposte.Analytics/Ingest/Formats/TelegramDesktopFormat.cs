using System.Text;
using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// Telegram Desktop's JSON export: one chat (<c>messages[]</c>) or a whole account (<c>chats.list[].messages[]</c>).
/// Message ids are unique per chat only, so a post id is "chat id/message id". Times come from
/// <c>date_unixtime</c>; <c>date</c> is the exporting computer's local time with no offset.
/// </summary>
internal sealed class TelegramDesktopFormat : JsonDocumentFormat
{
    public const string Platform = "telegram";

    public override string Name => "telegram-desktop";
    public override string Description => "Telegram Desktop JSON export (result.json: one chat or the whole account)";
    protected override string RecordArrayName => "'messages' array";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) =>
        head.TrimStart(" \t\r\n\xEF\xBB\xBF"u8).StartsWith("{"u8)
        && (head.IndexOf("\"date_unixtime\""u8) >= 0 || (fileName.Equals("result.json", StringComparison.OrdinalIgnoreCase) && head.IndexOf("\"about\""u8) >= 0));

    protected override bool IsRecordArray(string pattern) =>
        pattern is "$.messages" or "$.chats.list[*].messages" or "$.left_chats.list[*].messages";

    protected override RecordResult Map(JsonElement message, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw)
    {
        if (message.Str("type") is { } type && type != "message")
            return RecordResult.Skip($"a {type} message ({message.Str("action") ?? "no text"})", location, raw);
        var chatPath = span.Path[..span.Path.LastIndexOf(".messages[", StringComparison.Ordinal)];
        var chatId = document.Scalars.GetValueOrDefault(chatPath + ".id") ?? throw new RecordException($"the chat at {chatPath} has no 'id' before its messages");
        var messageId = Require.Str(message, "id");
        var entities = message.Arr("text_entities").ToArray();
        var text = entities.Length > 0 ? string.Concat(entities.Select(e => e.Str("text"))) : PlainText(message.Prop("text"));
        var replyTo = message.Str("reply_to_message_id");
        return RecordResult.Ok(new Post
        {
            Platform = Platform,
            Id = $"{chatId}/{messageId}",
            AuthorId = message.NonEmpty("from_id") ?? $"chat{chatId}",
            CreatedAt = Require.Value(Timestamps.ParseUnixSeconds(message.Str("date_unixtime")), "field 'date_unixtime'"),
            Text = text,
            Urls = entities.Select(e => e.Str("type") switch { "link" => e.Str("text"), "text_link" => e.Str("href"), _ => null }).OfType<string>().ToArray(),
            Hashtags = entities.Where(e => e.Str("type") == "hashtag").Select(e => e.Str("text")?.TrimStart('#')).OfType<string>().ToArray(),
            Mentions = entities.Select(e => e.Str("type") switch { "mention" => e.Str("text")?.TrimStart('@'), "mention_name" => e.Str("user_id"), _ => null })
                .OfType<string>().ToArray(),
            ReplyToId = replyTo is null ? null : $"{message.NonEmpty("reply_to_peer_id") ?? chatId}/{replyTo}",
            Likes = message.Prop("reactions") is { ValueKind: JsonValueKind.Array } reactions ? reactions.EnumerateArray().Sum(r => r.Count("count") ?? 0) : null,
        }, location, raw);
    }

    // Without text_entities, "text" is a string or an array of strings and entity objects.
    private static string PlainText(JsonElement? text)
    {
        if (text is not { } value)
            return "";
        if (value.ValueKind != JsonValueKind.Array)
            return value.AsString() ?? "";
        var builder = new StringBuilder();
        foreach (var part in value.EnumerateArray())
            builder.Append(part.ValueKind == JsonValueKind.String ? part.GetString() : part.Str("text"));
        return builder.ToString();
    }
}
