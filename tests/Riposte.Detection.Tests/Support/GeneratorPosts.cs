using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Riposte.Analytics.Posts;

namespace Riposte.Detection.Tests.Support;

/// <summary>
/// A small private reader for gen_posts.py's posts.ndjson, used until the analytics readers land.
/// Lines that fail to parse are reported with their line number.
/// </summary>
public static class GeneratorPosts
{
    public static IEnumerable<Post> Read(string path)
    {
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            GeneratorRecord? r;
            try
            {
                r = JsonSerializer.Deserialize(line, GeneratorJson.Default.GeneratorRecord);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {e.Message}", e);
            }
            if (r is null)
                throw new InvalidDataException($"{path}:{lineNumber}: empty record");
            yield return new Post
            {
                Platform = r.Platform ?? "microblog",
                Id = r.Id,
                AuthorId = r.AccountId,
                AuthorHandle = r.Username,
                AuthorCreatedAt = r.AccountCreatedAt is null ? null : Parse(r.AccountCreatedAt),
                CreatedAt = Parse(r.Timestamp),
                Text = r.Text ?? "",
                Urls = r.Urls ?? [],
                Hashtags = r.Hashtags ?? [],
                Mentions = r.Mentions ?? [],
                ReplyToId = r.ReplyTo,
                RepostOfId = r.RepostOf,
                Language = r.Lang,
            };
        }
    }

    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

public sealed record GeneratorRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("account_id")] string AccountId,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("account_created_at")] string? AccountCreatedAt,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("urls")] string[]? Urls,
    [property: JsonPropertyName("hashtags")] string[]? Hashtags,
    [property: JsonPropertyName("mentions")] string[]? Mentions,
    [property: JsonPropertyName("reply_to")] string? ReplyTo,
    [property: JsonPropertyName("repost_of")] string? RepostOf,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("lang")] string? Lang);

[JsonSerializable(typeof(GeneratorRecord))]
internal sealed partial class GeneratorJson : JsonSerializerContext;
