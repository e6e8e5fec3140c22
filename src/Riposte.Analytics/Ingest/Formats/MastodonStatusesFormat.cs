using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// An array of Mastodon Status entities (timelines, search, account statuses). Content is HTML; a boost has no
/// content of its own, so it takes the boosted status's text as X retweets do. Ids are the instance's own.
/// </summary>
internal sealed class MastodonStatusesFormat : JsonDocumentFormat
{
    public override string Name => "mastodon";
    public override string Description => "Mastodon REST API array of Status entities";
    protected override string RecordArrayName => "top-level array of statuses";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) =>
        head.TrimStart(" \t\r\n\xEF\xBB\xBF"u8).StartsWith("["u8) && head.IndexOf("\"account\""u8) >= 0 && head.IndexOf("\"acct\""u8) >= 0
        && head.IndexOf("\"content\""u8) >= 0;

    protected override bool IsRecordArray(string pattern) => pattern == "$";

    protected override RecordResult Map(JsonElement status, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw)
    {
        var account = status.Obj("account") ?? throw new RecordException("missing field 'account'");
        var reblog = status.Obj("reblog");
        var content = reblog ?? status;
        var text = HtmlText.ToText(content.Str("content"), out var links);
        if (content.NonEmpty("spoiler_text") is { } warning)
            text = warning + "\n\n" + text;
        var urls = links
            .Where(l => l.Class is null || (!l.Class.Contains("mention", StringComparison.Ordinal) && !l.Class.Contains("hashtag", StringComparison.Ordinal)))
            .Select(l => l.Href).ToList();
        if (content.At("card", "url")?.AsString() is { } card)
            urls.Add(card);
        var quote = status.Obj("quote");
        return RecordResult.Ok(new Post
        {
            Platform = "mastodon",
            Id = Require.Str(status, "id"),
            AuthorId = Require.Str(account, "id", "account"),
            AuthorHandle = account.NonEmpty("acct"),
            AuthorCreatedAt = Timestamps.ParseIso(account.Str("created_at")),
            CreatedAt = Require.Value(Timestamps.ParseIso(status.Str("created_at")), "field 'created_at'"),
            Text = text,
            Urls = urls,
            Hashtags = content.Arr("tags").Select(t => t.Str("name")).OfType<string>().ToArray(),
            Mentions = content.Arr("mentions").Select(m => m.Str("acct")).OfType<string>().ToArray(),
            ReplyToId = status.NonEmpty("in_reply_to_id"),
            RepostOfId = reblog?.Str("id"),
            QuoteOfId = quote is { } q && q.Str("state") == "accepted" ? q.At("quoted_status", "id")?.AsString() ?? q.Str("quoted_status_id") : null,
            Language = content.NonEmpty("language"),
            Likes = status.Count("favourites_count"),
            Reposts = status.Count("reblogs_count"),
            Replies = status.Count("replies_count"),
            Quotes = status.Count("quotes_count"),
        }, location, raw);
    }
}
