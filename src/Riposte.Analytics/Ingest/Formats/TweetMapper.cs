using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>Maps an X API v2 tweet object (as in twarc2 pages and flattened lines) to a post.</summary>
internal static class TweetMapper
{
    public const string Platform = "x";

    /// <param name="author">The author's user object (from includes or inlined), if known.</param>
    /// <param name="findReferenced">Finds a referenced tweet's full object (from includes or inlined), if known.</param>
    public static Post Map(JsonElement tweet, JsonElement? author, Func<string, JsonElement?> findReferenced)
    {
        string? replyTo = null, repostOf = null, quoteOf = null;
        foreach (var reference in tweet.Arr("referenced_tweets"))
        {
            var id = reference.Str("id");
            switch (reference.Str("type"))
            {
                case "replied_to": replyTo = id; break;
                case "retweeted": repostOf = id; break;
                case "quoted": quoteOf = id; break;
            }
        }
        // A retweet's own text is cut to "RT @user: …"; the original carries the full text and entities.
        var content = repostOf is not null && findReferenced(repostOf) is { } original ? original : tweet;
        var metrics = tweet.Obj("public_metrics");
        return new Post
        {
            Platform = Platform,
            Id = Require.Str(tweet, "id"),
            AuthorId = Require.Str(tweet, "author_id"),
            AuthorHandle = author?.NonEmpty("username"),
            AuthorCreatedAt = Timestamps.ParseIso(author?.Str("created_at")),
            CreatedAt = Require.Value(Timestamps.ParseIso(tweet.Str("created_at")), "field 'created_at'"),
            Text = content.At("note_tweet", "text")?.AsString() ?? content.Str("text") ?? "",
            Urls = Urls(content),
            Hashtags = content.At("entities")?.Arr("hashtags").Select(h => h.Str("tag")).OfType<string>().ToArray() ?? [],
            Mentions = content.At("entities")?.Arr("mentions").Select(m => m.Str("username")).OfType<string>().ToArray() ?? [],
            ReplyToId = replyTo,
            RepostOfId = repostOf,
            QuoteOfId = quoteOf,
            Language = tweet.NonEmpty("lang"),
            Likes = metrics?.Count("like_count"),
            Reposts = metrics?.Count("retweet_count"),
            Replies = metrics?.Count("reply_count"),
            Quotes = metrics?.Count("quote_count"),
            Views = metrics?.Count("impression_count"),
        };
    }

    private static string[] Urls(JsonElement tweet) =>
        tweet.At("entities")?.Arr("urls")
            .Where(u => u.Prop("media_key") is null) // photo and video links point at the post itself
            .Select(u => u.NonEmpty("unwound_url") ?? u.NonEmpty("expanded_url") ?? u.NonEmpty("url"))
            .OfType<string>()
            .ToArray() ?? [];
}
