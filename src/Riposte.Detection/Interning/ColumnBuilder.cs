namespace Riposte.Detection.Interning;

/// <summary>
/// An append-only column grown in fixed chunks, so growing never copies (a List of ten million longs copies and
/// discards about as much again while it doubles) and <see cref="ToArray"/> copies once into an exact-size array.
/// </summary>
internal sealed class ColumnBuilder<T>
{
    private const int ChunkSize = 1 << 16;
    private readonly List<T[]> _chunks = [];
    private int _usedInLast = ChunkSize;

    public int Count { get; private set; }

    public void Add(T value)
    {
        if (_usedInLast == ChunkSize)
        {
            _chunks.Add(new T[ChunkSize]);
            _usedInLast = 0;
        }
        _chunks[^1][_usedInLast++] = value;
        Count++;
    }

    /// <summary>The values as one array; the chunks are released as they are copied.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        for (var c = 0; c < _chunks.Count; c++)
        {
            var length = Math.Min(ChunkSize, Count - (c * ChunkSize));
            _chunks[c].AsSpan(0, length).CopyTo(result.AsSpan(c * ChunkSize));
            _chunks[c] = [];
        }
        _chunks.Clear();
        _usedInLast = ChunkSize;
        Count = 0;
        return result;
    }
}
