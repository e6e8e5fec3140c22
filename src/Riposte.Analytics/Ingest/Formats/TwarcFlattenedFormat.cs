using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>twarc2 flatten output: one tweet a line with <c>author</c> and the full <c>referenced_tweets</c> inlined.</summary>
internal sealed class TwarcFlattenedFormat : JsonLinesFormat
{
    public override string Name => "twarc2-flat";
    public override string Description => "X tweets flattened by `twarc2 flatten` (one tweet a line, includes inlined)";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var line = FirstLine(head);
        return line.StartsWith("{\"id\""u8) && line.IndexOf("\"author_id\""u8) >= 0
            && (line.IndexOf("\"edit_history_tweet_ids\""u8) >= 0 || line.IndexOf("\"conversation_id\""u8) >= 0);
    }

    protected override void MapLine(JsonElement root, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output, ReadState state)
    {
        JsonElement? Referenced(string id) =>
            root.Arr("referenced_tweets").Where(r => r.Str("id") == id && r.Prop("text") is not null).Select(r => (JsonElement?)r).FirstOrDefault();
        output.Add(RecordResult.Ok(TweetMapper.Map(root, root.Obj("author"), Referenced), location, raw));
    }
}
