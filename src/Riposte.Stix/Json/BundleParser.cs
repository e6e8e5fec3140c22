using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Json;

internal enum ParseStep
{
    Item,
    NeedMoreData,
    Done,
}

/// <summary>
/// The push-style state machine behind <see cref="StixBundleReader"/>: it parses what the buffer holds,
/// commits only whole elements, and asks for more bytes when an element is cut by the buffer end.
/// <see cref="Utf8JsonReader"/> is a ref struct, so one is rebuilt from the saved state on every step.
/// </summary>
internal sealed partial class BundleParser(StixBundleReaderOptions options)
{
    private enum Mode
    {
        Start,
        TopObject,
        Elements,
        AfterElements,
        End,
        Done,
    }

    private readonly DuplicateTracker _duplicates = new();
    private byte[] _buffer = new byte[Math.Max(16, options.InitialBufferSize)];
    private int _start;
    private int _end;
    private bool _final;
    private bool _tooLarge;
    private JsonReaderState _state;
    private readonly LineCounter _lines = new();
    private Mode _mode = Mode.Start;
    private int _index;
    private string _arrayPath = "$";
    private string? _bundleType;
    private bool _bomChecked;

    private ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    public ParseStep Next(out BundleItem? item)
    {
        item = null;
        if (_tooLarge && _mode != Mode.Done)
        {
            item = Fatal(_mode == Mode.Elements ? ElementPath : "$", _start, $"an element is larger than the {options.MaxElementBytes:N0} byte limit");
            return ParseStep.Item;
        }
        try
        {
            return _mode switch
            {
                Mode.Start => StepStart(out item),
                Mode.TopObject => StepTopObject(out item),
                Mode.Elements => StepElement(out item),
                Mode.AfterElements => StepAfterElements(out item),
                Mode.End => StepEnd(out item),
                _ => ParseStep.Done,
            };
        }
        catch (JsonException ex)
        {
            item = Malformed(ex);
            return ParseStep.Item;
        }
    }

    /// <summary>Makes room at the end of the buffer (moving or growing it); empty when the element limit is reached.</summary>
    public Memory<byte> PrepareForMoreData()
    {
        if (_start > 0)
        {
            _lines.Rebase(_buffer, _start);
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= options.MaxElementBytes)
            {
                _tooLarge = true;
                return Memory<byte>.Empty;
            }
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, options.MaxElementBytes));
        }
        return _buffer.AsMemory(_end);
    }

    public void Advance(int bytes) => _end += bytes;

    public void MarkEndOfInput() => _final = true;

    private string ElementPath => $"{_arrayPath}[{_index}]";

    private Utf8JsonReader NewReader() => new(Pending, _final, _state);

    private void Commit(in Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private ParseStep StepStart(out BundleItem? item)
    {
        item = null;
        if (!_bomChecked)
        {
            if (Pending.Length < 3 && !_final)
                return ParseStep.NeedMoreData;
            if (Pending.StartsWith("\uFEFF"u8))
                _start += 3;
            _bomChecked = true;
        }
        if (_final && Pending.Trim(" \t\r\n"u8).IsEmpty)
        {
            item = Fatal("$", _start, "the input is empty: expected a STIX bundle, a STIX object or a JSON array of objects");
            return ParseStep.Item;
        }
        var reader = NewReader();
        if (!reader.Read())
            return ParseStep.NeedMoreData;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                Commit(reader);
                _mode = Mode.Elements;
                return Next(out item);
            case JsonTokenType.StartObject:
                _mode = Mode.TopObject; // not committed: the object may turn out to be a single STIX object
                return Next(out item);
            default:
                item = Fatal("$", _start + (int)reader.TokenStartIndex,
                    $"expected a STIX bundle, a STIX object or a JSON array of objects, found {Describe(reader.TokenType)}");
                return ParseStep.Item;
        }
    }

    /// <summary>Scans the top-level object's properties for an <c>objects</c> array; without one it is a single object.</summary>
    private ParseStep StepTopObject(out BundleItem? item)
    {
        item = null;
        var reader = NewReader();
        reader.Read();
        var objectStart = (int)reader.TokenStartIndex;
        string? type = null;
        while (true)
        {
            if (!reader.Read())
                return NeedMoreOrTruncated("$", out item);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                var whole = Pending[objectStart..(int)reader.BytesConsumed];
                var line = _lines.LineAt(_buffer, _start + objectStart);
                Commit(reader);
                _mode = Mode.End;
                if (type == "bundle")
                    return Next(out item); // a bundle without objects is valid and empty
                item = BuildElement(whole, 0, line, "$");
                return ParseStep.Item;
            }
            var name = reader.GetString();
            if (!reader.Read())
                return NeedMoreOrTruncated("$", out item);
            if (name == "objects" && reader.TokenType == JsonTokenType.StartArray)
            {
                if (type is not null && type != "bundle")
                {
                    item = Fatal("$.type", _start + objectStart, $"a top-level object with an 'objects' array must have type 'bundle', found '{type}'");
                    return ParseStep.Item;
                }
                _bundleType = type;
                Commit(reader);
                _mode = Mode.Elements;
                _arrayPath = "$.objects";
                return Next(out item);
            }
            if (name == "objects" && type == "bundle")
            {
                item = Fatal("$.objects", _start + (int)reader.TokenStartIndex, $"expected an array of objects, found {Describe(reader.TokenType)}");
                return ParseStep.Item;
            }
            if (name == "type" && reader.TokenType == JsonTokenType.String)
                type = reader.GetString();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                return NeedMoreOrTruncated("$", out item);
        }
    }

    private ParseStep StepElement(out BundleItem? item)
    {
        item = null;
        var reader = NewReader();
        if (!reader.Read())
            return NeedMoreOrTruncated(ElementPath, out item);
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            Commit(reader);
            _mode = _arrayPath == "$" ? Mode.End : Mode.AfterElements;
            return Next(out item);
        }
        var start = (int)reader.TokenStartIndex;
        var token = reader.TokenType;
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            return NeedMoreOrTruncated(ElementPath, out item);
        var line = _lines.LineAt(_buffer, _start + start);
        var path = ElementPath;
        var index = _index++;
        if (token == JsonTokenType.StartObject)
        {
            var slice = Pending[start..(int)reader.BytesConsumed];
            item = BuildElement(slice, index, line, path);
        }
        else
        {
            item = new BundleItem(index, line, null, null, new StixIssue(IssueSeverity.Error, path, $"expected a JSON object, found {Describe(token)}")) { Path = path };
        }
        Commit(reader);
        return ParseStep.Item;
    }

    /// <summary>The bundle's properties after the <c>objects</c> array: only <c>type</c> matters.</summary>
    private ParseStep StepAfterElements(out BundleItem? item)
    {
        item = null;
        var reader = NewReader();
        if (!reader.Read())
            return NeedMoreOrTruncated("$", out item);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            Commit(reader);
            _mode = Mode.End;
            if (_bundleType == "bundle")
                return Next(out item);
            var line = _lines.LineAt(_buffer, _start);
            item = _bundleType is null
                ? new BundleItem(-1, line, null, null, new StixIssue(IssueSeverity.Warning, "$.type", "the top-level object has an 'objects' array but no 'type'; read as a bundle"))
                : new BundleItem(-1, line, null, null, new StixIssue(IssueSeverity.Error, "$.type", $"a top-level object with an 'objects' array must have type 'bundle', found '{_bundleType}'"));
            return ParseStep.Item;
        }
        var name = reader.GetString();
        if (!reader.Read())
            return NeedMoreOrTruncated("$", out item);
        if (name == "type" && reader.TokenType == JsonTokenType.String)
            _bundleType = reader.GetString();
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            return NeedMoreOrTruncated("$", out item);
        Commit(reader);
        return Next(out item);
    }

    private ParseStep StepEnd(out BundleItem? item)
    {
        item = null;
        var reader = NewReader();
        if (reader.Read())
        {
            item = Fatal("$", _start + (int)reader.TokenStartIndex, "unexpected data after the top-level JSON value");
            return ParseStep.Item;
        }
        if (!_final)
            return ParseStep.NeedMoreData;
        _mode = Mode.Done;
        return ParseStep.Done;
    }

    private ParseStep NeedMoreOrTruncated(string path, out BundleItem? item)
    {
        item = null;
        if (!_final)
            return ParseStep.NeedMoreData;
        item = Fatal(path, _end, $"the input ends inside {path}: the JSON is truncated");
        return ParseStep.Item;
    }
}
