using System.Text;

namespace Riposte.Analytics.Ingest.Reading;

/// <summary>
/// Reuses strings that repeat across many records (account ids, handles, tags, language codes), which saves most of
/// the allocations on a large file. Bounded, so a stream of unique values cannot grow it without limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 1 << 18;
    private const int MaxLength = 128;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
            return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxLength];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        var key = chars[..count];
        if (_lookup.TryGetValue(key, out var cached))
            return cached;
        var value = key.ToString();
        if (_values.Count < MaxEntries)
            _values[value] = value;
        return value;
    }
}
