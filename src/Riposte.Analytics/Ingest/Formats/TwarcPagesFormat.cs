using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// X API v2 response pages as twarc2 writes them, one page a line: <c>data[]</c> plus <c>includes</c> (users, tweets)
/// that are joined in. Streaming lines (one tweet in <c>data</c>) and error lines are handled too.
/// </summary>
internal sealed class TwarcPagesFormat : JsonLinesFormat
{
    public override string Name => "twarc2";
    public override string Description => "X API v2 pages from twarc2 (search/timeline/stream JSONL, includes joined)";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var line = FirstLine(head);
        return line.StartsWith("{\"data\""u8) && (line.IndexOf("\"author_id\""u8) >= 0 || line.IndexOf("\"edit_history_tweet_ids\""u8) >= 0);
    }

    protected override void MapLine(JsonElement root, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output, ReadState state)
    {
        var data = root.Prop("data");
        if (data is null)
        {
            var reason = root.Prop("errors") is not null ? "an API error line, no tweets" : "no 'data' member: not a twarc2 page";
            output.Add(root.Prop("errors") is not null ? RecordResult.Skip(reason, location, raw) : RecordResult.Reject(reason, location, raw));
            return;
        }
        var users = Index(root.At("includes")?.Arr("users") ?? []);
        var tweets = Index(root.At("includes")?.Arr("tweets") ?? []);
        JsonElement? Referenced(string id) => tweets.TryGetValue(id, out var t) ? t : null;
        var items = data.Value.ValueKind == JsonValueKind.Array ? data.Value.EnumerateArray().ToArray() : [data.Value];
        for (var i = 0; i < items.Length; i++)
        {
            var tweetLocation = location with { Path = data.Value.ValueKind == JsonValueKind.Array ? $"$.data[{i}]" : "$.data" };
            try
            {
                var author = items[i].Str("author_id") is { } authorId && users.TryGetValue(authorId, out var user) ? user : (JsonElement?)null;
                output.Add(RecordResult.Ok(TweetMapper.Map(items[i], author, Referenced), tweetLocation, raw));
            }
            catch (Exception e) when (e is RecordException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                output.Add(RecordResult.Reject(RecordException.Describe(e), tweetLocation, raw));
            }
        }
    }

    private static Dictionary<string, JsonElement> Index(IEnumerable<JsonElement> objects)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in objects)
        {
            if (item.Str("id") is { } id)
                index.TryAdd(id, item);
        }
        return index;
    }
}
