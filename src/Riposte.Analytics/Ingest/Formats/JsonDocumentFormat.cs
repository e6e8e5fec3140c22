using System.Text.Json;
using Riposte.Analytics.Ingest.Reading;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// Base for formats that are one JSON document with arrays of records (API responses, chat exports). Records before
/// damage in a truncated or malformed file are kept; the damage is reported with its line.
/// </summary>
internal abstract class JsonDocumentFormat : IPostFormat
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract bool Sniff(ReadOnlySpan<byte> head, string fileName);

    /// <summary>Whether the array at this path pattern (indices as [*]) holds records.</summary>
    protected abstract bool IsRecordArray(string pattern);

    /// <summary>What the record arrays are called, for the message when none is found.</summary>
    protected abstract string RecordArrayName { get; }

    /// <summary>Maps one record. Throw <see cref="RecordException"/> for a bad record.</summary>
    protected virtual RecordResult Map(JsonElement record, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw) =>
        throw new NotSupportedException("override Map or MapMany");

    /// <summary>Maps one record that may hold several posts (a comment thread with its replies).</summary>
    protected virtual void MapMany(JsonElement record, JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output) =>
        output.Add(Map(record, document, span, location, raw));


    public IEnumerable<RecordResult> Read(Stream stream, string fileName)
    {
        var document = JsonRecordScanner.Scan(stream, IsRecordArray);
        var output = new List<RecordResult>();
        if (document.ArraysFound == 0 && document.Error is null)
            yield return RecordResult.Reject($"no {RecordArrayName} found: this does not look like a {Name} file", new RecordLocation(fileName, 1), document.Bytes);
        foreach (var span in document.Records)
        {
            var raw = document.RawOf(span);
            var location = new RecordLocation(fileName, document.LineAt(span.Start), span.Path);
            output.Clear();
            MapSafely(document, span, location, raw, output);
            foreach (var result in output)
                yield return result;
        }
        if (document.Error is not null)
        {
            var offset = (int)Math.Min(document.ErrorOffset, document.Bytes.Length);
            yield return RecordResult.Reject(document.Error, new RecordLocation(fileName, document.LineAt(offset)), document.Bytes.AsMemory(offset));
        }
    }

    private void MapSafely(JsonRecordScanner document, JsonRecordSpan span, RecordLocation location, ReadOnlyMemory<byte> raw, List<RecordResult> output)
    {
        try
        {
            using var parsed = JsonDocument.Parse(raw);
            MapMany(parsed.RootElement, document, span, location, raw, output);
        }
        catch (JsonException e)
        {
            output.Add(RecordResult.Reject($"malformed JSON: {e.Message}", location, raw));
        }
        catch (Exception e) when (e is RecordException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            output.Add(RecordResult.Reject(RecordException.Describe(e), location, raw));
        }
    }

    protected static bool HasExtension(string fileName, params ReadOnlySpan<string> extensions)
    {
        foreach (var extension in extensions)
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
