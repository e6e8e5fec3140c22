using System.Text;
using System.Text.Json;

namespace Riposte.Analytics.Ingest.Reading;

/// <summary>A record found in a JSON document: its byte range and JSON path (e.g. <c>$.messages[3]</c>).</summary>
internal readonly record struct JsonRecordSpan(int Start, int Length, string Path);

/// <summary>
/// Finds the record arrays in a whole JSON document (an API response, a chat export) without building a DOM of it,
/// so a truncated or damaged file still yields every record before the damage, and each record keeps its exact bytes.
/// Scalar values met on the way (a chat's id before its messages) are kept by path.
/// </summary>
internal sealed class JsonRecordScanner
{
    private readonly Func<string, bool> _isRecordArray;
    private int[]? _lineStarts;

    private JsonRecordScanner(byte[] bytes, int start, Func<string, bool> isRecordArray)
    {
        Bytes = bytes;
        Start = start;
        _isRecordArray = isRecordArray;
    }

    public byte[] Bytes { get; }
    private int Start { get; }
    public List<JsonRecordSpan> Records { get; } = [];
    public Dictionary<string, string> Scalars { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }
    public int ArraysFound { get; private set; }
    public long ErrorOffset { get; private set; }

    /// <param name="isRecordArray">Whether the array at a path (indices written as [*], e.g. <c>$.chats.list[*].messages</c>) holds records.</param>
    public static JsonRecordScanner Scan(Stream stream, Func<string, bool> isRecordArray)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        var start = bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
        var scanner = new JsonRecordScanner(bytes, start, isRecordArray);
        scanner.Run();
        return scanner;
    }

    public ReadOnlyMemory<byte> RawOf(JsonRecordSpan record) => Bytes.AsMemory(record.Start, record.Length);

    /// <summary>The 1-based line holding a byte offset.</summary>
    public long LineAt(long offset)
    {
        if (_lineStarts is null)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < Bytes.Length; i++)
            {
                if (Bytes[i] == (byte)'\n')
                    starts.Add(i + 1);
            }
            _lineStarts = [.. starts];
        }
        var index = Array.BinarySearch(_lineStarts, (int)Math.Min(offset, int.MaxValue));
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private void Run()
    {
        var reader = new Utf8JsonReader(Bytes.AsSpan(Start), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        // Each open container: its concrete path, its pattern path, and for arrays the next index.
        var paths = new Stack<(string Path, string Pattern, int Index, bool IsArray)>();
        string? property = null;
        try
        {
            if (!reader.Read())
            {
                Fail("the document is empty", 0);
                return;
            }
            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        paths.Pop();
                        continue;
                }
                var (path, pattern) = ChildPath(paths, property);
                property = null;
                if (reader.TokenType == JsonTokenType.StartArray && _isRecordArray(pattern))
                {
                    ReadRecords(ref reader, path);
                    continue;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        paths.Push((path, pattern, 0, false));
                        break;
                    case JsonTokenType.StartArray:
                        paths.Push((path, pattern, 0, true));
                        break;
                    case JsonTokenType.String:
                        Scalars[path] = reader.GetString() ?? "";
                        break;
                    default:
                        Scalars[path] = Encoding.UTF8.GetString(reader.ValueSpan);
                        break;
                }
            }
            while (reader.Read());
            if (paths.Count > 0)
                Fail("the document ends early (truncated?)", Bytes.Length);
        }
        catch (JsonException e)
        {
            Fail($"not valid JSON: {e.Message}", Start + reader.BytesConsumed);
        }
    }

    private void ReadRecords(ref Utf8JsonReader reader, string arrayPath)
    {
        ArraysFound++;
        var index = 0;
        // A truncated or malformed element throws; Run reports it with its offset and the records before it stay.
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = Start + (int)reader.TokenStartIndex;
            try
            {
                reader.Skip();
            }
            catch (JsonException e)
            {
                Fail($"record {arrayPath}[{index}] is cut off or malformed: {e.Message}", start);
                throw;
            }
            Records.Add(new JsonRecordSpan(start, Start + (int)reader.BytesConsumed - start, $"{arrayPath}[{index}]"));
            index++;
        }
    }

    private static (string Path, string Pattern) ChildPath(Stack<(string Path, string Pattern, int Index, bool IsArray)> paths, string? property)
    {
        if (paths.Count == 0)
            return ("$", "$");
        var parent = paths.Pop();
        if (parent.IsArray)
        {
            paths.Push(parent with { Index = parent.Index + 1 });
            return ($"{parent.Path}[{parent.Index}]", parent.Pattern + "[*]");
        }
        paths.Push(parent);
        return ($"{parent.Path}.{property}", $"{parent.Pattern}.{property}");
    }

    private void Fail(string error, long offset)
    {
        if (Error is not null)
            return;
        Error = error;
        ErrorOffset = offset;
    }
}
