namespace Riposte.Detection.Interning;

/// <summary>Maps strings to dense ints (0, 1, 2, …) and back.</summary>
internal sealed class StringInterner(IEqualityComparer<string>? comparer = null)
{
    private readonly Dictionary<string, int> _ids = new(comparer ?? StringComparer.Ordinal);
    private readonly List<string> _values = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _spanLookup;

    public int Count => _values.Count;

    public int Intern(string value)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out var exists);
        if (!exists)
        {
            slot = _values.Count;
            _values.Add(value);
        }
        return slot;
    }

    public bool TryGet(string value, out int id) => _ids.TryGetValue(value, out id);

    /// <summary>Looks a value up without making a string of it (needs an ordinal comparer).</summary>
    public bool TryGet(ReadOnlySpan<char> value, out int id)
    {
        _spanLookup ??= _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        return _spanLookup.Value.TryGetValue(value, out id);
    }

    public string this[int id] => _values[id];

    public string[] ToArray() => [.. _values];
}
