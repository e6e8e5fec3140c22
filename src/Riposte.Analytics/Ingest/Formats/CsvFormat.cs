using System.Globalization;
using System.Text;
using CsvHelper;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>One CSV row with access by header name; empty cells read as null.</summary>
internal sealed class CsvRow(Dictionary<string, int> columns, string[] cells)
{
    public string? this[string column] =>
        columns.TryGetValue(column, out var index) && index < cells.Length && cells[index].Length > 0 ? cells[index] : null;

    public string Required(string column) => this[column] ?? throw new RecordException($"missing value in column '{column}'");
}

/// <summary>
/// Base for CSV exports, read with CsvHelper (RFC 4180: quoted fields, embedded newlines and quotes). The header must
/// hold the format's required columns; a row with bad quoting or a wrong cell count is rejected with its line.
/// </summary>
internal abstract class CsvFormat : IPostFormat
{
    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>Columns whose presence in the header identifies the format and that mapping needs.</summary>
    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    protected abstract Post Map(CsvRow row);

    public virtual bool Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var newline = head.IndexOf((byte)'\n');
        if (newline < 0)
            return false;
        var header = Encoding.UTF8.GetString(head[..newline]).TrimStart('\uFEFF').TrimEnd('\r');
        var names = header.Split(',').Select(n => n.Trim('"')).ToHashSet(StringComparer.Ordinal);
        return RequiredColumns.All(names.Contains);
    }

    public IEnumerable<RecordResult> Read(Stream stream, string fileName)
    {
        var malformed = new Queue<RecordResult>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = bad => malformed.Enqueue(RecordResult.Reject(
                bad.Reason == CsvMalformedReason.FieldCountMismatch ? "wrong number of cells for the header" : $"malformed CSV ({bad.Reason})",
                new RecordLocation(fileName, bad.LineNumber), Encoding.UTF8.GetBytes(bad.RawRecord))),
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var header = reader.Headers.ToArray();
        if (header.Length == 0)
        {
            yield return RecordResult.Reject("no header row", new RecordLocation(fileName, 1), ReadOnlyMemory<byte>.Empty);
            yield break;
        }
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
            columns.TryAdd(header[i].Trim(), i);
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            yield return RecordResult.Reject($"not a {Name} file: the header lacks the columns {string.Join(", ", missing)}",
                new RecordLocation(fileName, 1), Encoding.UTF8.GetBytes(string.Join(',', header)));
            yield break;
        }
        while (true)
        {
            bool more;
            RecordResult? failure = null;
            try
            {
                more = reader.Read();
            }
            catch (Exception e) when (e is CsvFormatException or IOException or InvalidDataException)
            {
                more = false;
                failure = RecordResult.Reject($"unreadable CSV: {e.Message}", new RecordLocation(fileName, reader.LineNumber), ReadOnlyMemory<byte>.Empty);
            }
            while (malformed.Count > 0)
                yield return malformed.Dequeue();
            if (failure is { } failed)
                yield return failed;
            if (!more)
                yield break;
            var location = new RecordLocation(fileName, reader.LineNumber, $"row {reader.RowNumber}");
            var raw = reader.RawRecord.ToArray();
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = reader.GetString(i);
            yield return MapSafely(new CsvRow(columns, cells), location, raw);
        }
    }

    private RecordResult MapSafely(CsvRow row, RecordLocation location, byte[] raw)
    {
        try
        {
            return RecordResult.Ok(Map(row), location, raw);
        }
        catch (Exception e) when (e is RecordException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return RecordResult.Reject(RecordException.Describe(e), location, raw);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>A JSON-encoded list cell (twarc-csv, 4CAT) as strings; a plain value is a one-item list.</summary>
    protected static IReadOnlyList<string> JsonList(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
            return [];
        if (!cell.TrimStart().StartsWith('['))
            return [cell];
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(cell);
            return document.RootElement.EnumerateArray().Select(e => Reading.JsonFields.AsString(e)).OfType<string>().ToArray();
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RecordException($"a list cell is not valid JSON: {e.Message}");
        }
    }
}
