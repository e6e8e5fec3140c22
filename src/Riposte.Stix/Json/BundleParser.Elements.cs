using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Json;

internal sealed partial class BundleParser
{
    /// <summary>Turns one syntactically complete element into an object, or into a problem that skips only it.</summary>
    private BundleItem BuildElement(ReadOnlySpan<byte> slice, int index, long line, string path)
    {
        if (!Utf8.IsValid(slice))
        {
            var offset = FirstInvalidUtf8(slice);
            var badLine = line + slice[..offset].Count((byte)'\n');
            return new BundleItem(index, badLine, null, null, new StixIssue(IssueSeverity.Error, path, $"invalid UTF-8 byte sequence at line {badLine}")) { Path = path };
        }

        // The element is well-formed JSON (the reader just walked it) and valid UTF-8, so the object keeps its
        // compact bytes and reads only its top-level identity now; the validator parses the rest.
        var obj = StixObject.FromReceivedUtf8(slice);

        var id = obj.Id.Length == 0 ? null : obj.Id;
        if (id is not null && options.RejectDuplicates && !_duplicates.TryAdd(id, obj.Version?.SortKey ?? "", index, out var first))
        {
            var version = obj.Version?.Text ?? "no version";
            return new BundleItem(index, line, id, null, new StixIssue(IssueSeverity.Error, path,
                $"duplicate of {_arrayPath}[{first}]: same id and modified ({version}) in one bundle; the first is kept")) { Path = path };
        }
        return new BundleItem(index, line, id, obj, null) { Path = path };
    }

    /// <summary>A problem after which the reader cannot go on: it is reported and reading stops.</summary>
    private BundleItem Fatal(string path, int bufferPosition, string message)
    {
        _mode = Mode.Done;
        var index = path.StartsWith(_arrayPath + "[", StringComparison.Ordinal) ? _index : -1;
        var line = _lines.LineAt(_buffer, Math.Min(bufferPosition, _end));
        return new BundleItem(index, line, null, null, new StixIssue(IssueSeverity.Error, path, message)) { Path = path, EndsDocument = true };
    }

    private BundleItem Malformed(JsonException ex)
    {
        var path = _mode == Mode.Elements ? ElementPath : "$";
        if (_final && EndsInsideValue())
            return Fatal(path, _end, $"the input ends inside {path}: the JSON is truncated");

        var index = _mode == Mode.Elements ? _index : -1;
        _mode = Mode.Done;
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            reason = reason[..cut];
        if (ex.LineNumber is long zeroBasedLine)
        {
            var line = zeroBasedLine + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return new BundleItem(index, line, null, null, new StixIssue(IssueSeverity.Error, path,
                string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {line}, column {column}: {reason}"))) { Path = path, EndsDocument = true };
        }
        return new BundleItem(index, _lines.LineAt(_buffer, _start), null, null, new StixIssue(IssueSeverity.Error, path, $"not valid JSON: {reason}")) { Path = path, EndsDocument = true };
    }

    /// <summary>True when the bytes left are a valid prefix of JSON that simply stops: the input was cut, not corrupted.</summary>
    private bool EndsInsideValue()
    {
        var reader = new Utf8JsonReader(Pending, isFinalBlock: false, _state);
        try
        {
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return offset;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>Counts lines incrementally so each element's line costs only the bytes since the previous one.</summary>
internal sealed class LineCounter
{
    private long _line = 1;
    private int _countedTo;

    public long LineAt(byte[] buffer, int position)
    {
        if (position >= _countedTo)
            _line += buffer.AsSpan(_countedTo, position - _countedTo).Count((byte)'\n');
        else
            _line -= buffer.AsSpan(position, _countedTo - position).Count((byte)'\n');
        _countedTo = position;
        return _line;
    }

    /// <summary>The buffer drops its first <paramref name="discarded"/> bytes.</summary>
    public void Rebase(byte[] buffer, int discarded)
    {
        LineAt(buffer, discarded);
        _countedTo = 0;
    }
}
