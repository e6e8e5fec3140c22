using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>Base for formats with one JSON value per line; a bad line is rejected with its number and the rest is read.</summary>
internal abstract class JsonLinesFormat : IPostFormat
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract bool Sniff(ReadOnlySpan<byte> head, string fileName);

    /// <summary>Maps one parsed line into zero or more results. Throw <see cref="RecordException"/> for a bad record.</summary>
    protected abstract void MapLine(JsonElement root, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output, ReadState state);

    /// <summary>State kept across the lines of one file (handles learnt from identity events).</summary>
    internal sealed class ReadState
    {
        public Dictionary<string, string> Handles { get; } = new(StringComparer.Ordinal);
    }

    public virtual IEnumerable<RecordResult> Read(Stream stream, string fileName)
    {
        var output = new List<RecordResult>();
        var state = new ReadState();
        foreach (var (line, number) in LineReader.Lines(stream))
        {
            if (LineReader.IsBlank(line.Span))
                continue;
            output.Clear();
            var location = new RecordLocation(fileName, number);
            try
            {
                using var document = JsonDocument.Parse(line);
                MapLine(document.RootElement, location, line, output, state);
            }
            catch (JsonException e)
            {
                output.Add(RecordResult.Reject($"malformed JSON: {e.Message}", location, line));
            }
            catch (Exception e) when (e is RecordException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                output.Add(RecordResult.Reject(RecordException.Describe(e), location, line));
            }
            foreach (var result in output)
                yield return result;
        }
    }

    /// <summary>The first line of the head (or all of it when the line is longer than the head).</summary>
    protected static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> head)
    {
        var newline = head.IndexOf((byte)'\n');
        return (newline < 0 ? head : head[..newline]).Trim(" \t\r\n\xEF\xBB\xBF"u8);
    }
}
