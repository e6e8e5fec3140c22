using System.Text;
using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// The synthetic generator's NDJSON (tools/gen_posts.py, platform "microblog"). This is the bulk path (a million
/// lines in seconds), so it reads each line with <see cref="Utf8JsonReader"/> straight from the pooled line buffer.
/// </summary>
internal sealed class GeneratorNdjsonFormat : IPostFormat
{
    public string Name => "microblog";
    public string Description => "NDJSON from tools/gen_posts.py (one post a line, platform \"microblog\")";

    public bool Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var newline = head.IndexOf((byte)'\n');
        var first = newline < 0 ? head : head[..newline];
        return first.TrimStart(" \t\xEF\xBB\xBF"u8).StartsWith("{"u8) && first.IndexOf("\"account_id\""u8) >= 0 && first.IndexOf("\"microblog\""u8) >= 0;
    }

    public IEnumerable<RecordResult> Read(Stream stream, string fileName)
    {
        var strings = new StringPool();
        foreach (var (line, number) in LineReader.Lines(stream))
        {
            if (LineReader.IsBlank(line.Span))
                continue;
            var location = new RecordLocation(fileName, number);
            Post? post;
            string? error;
            try
            {
                post = Parse(line.Span, strings, out error);
            }
            catch (JsonException e)
            {
                post = null;
                error = $"malformed JSON: {e.Message}";
            }
            catch (InvalidOperationException e)
            {
                post = null;
                error = $"wrong value type: {e.Message}";
            }
            yield return post is null ? RecordResult.Reject(error!, location, line) : RecordResult.Ok(post, location, line);
        }
    }

    private static Post? Parse(ReadOnlySpan<byte> line, StringPool strings, out string? error)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "the line is not a JSON object";
            return null;
        }
        string? id = null, accountId = null, username = null, text = null, replyTo = null, repostOf = null, platform = null, lang = null;
        DateTimeOffset? accountCreated = null, timestamp = null;
        IReadOnlyList<string> urls = [], hashtags = [], mentions = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("id"u8)) id = String(ref reader);
            else if (name.SequenceEqual("account_id"u8)) accountId = Pooled(ref reader, strings);
            else if (name.SequenceEqual("username"u8)) username = Pooled(ref reader, strings);
            else if (name.SequenceEqual("account_created_at"u8)) accountCreated = Date(ref reader);
            else if (name.SequenceEqual("timestamp"u8)) timestamp = Date(ref reader);
            else if (name.SequenceEqual("text"u8)) text = String(ref reader);
            else if (name.SequenceEqual("urls"u8)) urls = List(ref reader, null);
            else if (name.SequenceEqual("hashtags"u8)) hashtags = List(ref reader, strings);
            else if (name.SequenceEqual("mentions"u8)) mentions = List(ref reader, strings);
            else if (name.SequenceEqual("reply_to"u8)) replyTo = String(ref reader);
            else if (name.SequenceEqual("repost_of"u8)) repostOf = String(ref reader);
            else if (name.SequenceEqual("platform"u8)) platform = Pooled(ref reader, strings);
            else if (name.SequenceEqual("lang"u8)) lang = Pooled(ref reader, strings);
            else reader.Skip();
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            error = "the JSON object is not closed";
            return null;
        }
        error = id is null ? "missing field 'id'"
            : accountId is null ? "missing field 'account_id'"
            : timestamp is null ? "missing or unreadable field 'timestamp'"
            : null;
        if (error is not null)
            return null;
        return new Post
        {
            Platform = platform ?? "microblog",
            Id = id!,
            AuthorId = accountId!,
            AuthorHandle = username,
            AuthorCreatedAt = accountCreated,
            CreatedAt = timestamp!.Value,
            Text = text ?? "",
            Urls = urls,
            Hashtags = hashtags,
            Mentions = mentions,
            ReplyToId = replyTo,
            RepostOfId = repostOf,
            Language = lang,
        };
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new InvalidOperationException($"expected a string, found {reader.TokenType}"),
    };

    private static DateTimeOffset? Date(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value) ? value.ToUniversalTime() : null;

    private static IReadOnlyList<string> List(ref Utf8JsonReader reader, StringPool? strings)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return [];
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new InvalidOperationException($"expected an array, found {reader.TokenType}");
        List<string>? values = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = strings is null ? String(ref reader) : Pooled(ref reader, strings);
            if (value is not null)
                (values ??= []).Add(value);
        }
        return values is null ? [] : values;
    }

    private static string? Pooled(ref Utf8JsonReader reader, StringPool pool) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped ? pool.Get(reader.ValueSpan) : String(ref reader);
}
