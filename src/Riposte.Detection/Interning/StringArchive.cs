using System.Text;
using K4os.Compression.LZ4;

namespace Riposte.Detection.Interning;

/// <summary>
/// Many strings packed as UTF-8 (each with a varint length) in 64 KiB blocks, optionally LZ4-compressed block by
/// block. Ten million post ids or texts as .NET strings cost 2–3 times their UTF-8 size plus an object each for the
/// garbage collector to trace; here they are a few thousand byte arrays. <see cref="Add"/> returns the reference
/// <see cref="Get"/> takes. Reading a compressed archive keeps the last block decompressed, so it is not thread-safe.
/// </summary>
internal sealed class StringArchive(bool compress)
{
    private const int BlockSize = 1 << 16;
    private readonly List<byte[]> _blocks = [];
    private byte[] _current = new byte[BlockSize];
    private int _used;
    private int _cachedBlock = -1;
    private byte[] _cached = [];

    /// <summary>Bytes held (compressed size for a compressed archive).</summary>
    public long Bytes => _blocks.Sum(b => (long)b.Length) + _used;

    public long Add(ReadOnlySpan<char> value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length) + 5;
        if (_used + needed > _current.Length)
        {
            Seal();
            if (needed > _current.Length)
                _current = new byte[needed];
        }
        var reference = ((long)_blocks.Count << 32) | (uint)_used;
        var length = Encoding.UTF8.GetBytes(value, _current.AsSpan(_used + 5));
        var prefix = WriteVarint(_current.AsSpan(_used), length);
        if (prefix < 5)
            _current.AsSpan(_used + 5, length).CopyTo(_current.AsSpan(_used + prefix));
        _used += prefix + length;
        return reference;
    }

    public string Get(long reference) => Encoding.UTF8.GetString(Utf8(reference));

    /// <summary>The UTF-8 bytes of a string; valid until the next call.</summary>
    public ReadOnlySpan<byte> Utf8(long reference)
    {
        var block = (int)(reference >> 32);
        var offset = (int)(uint)reference;
        var bytes = block == _blocks.Count ? _current.AsSpan(0, _used) : Block(block);
        var length = ReadVarint(bytes[offset..], out var prefix);
        return bytes.Slice(offset + prefix, length);
    }

    private ReadOnlySpan<byte> Block(int block)
    {
        if (!compress)
            return _blocks[block];
        if (_cachedBlock != block)
        {
            _cached = LZ4Pickler.Unpickle(_blocks[block]);
            _cachedBlock = block;
        }
        return _cached;
    }

    private void Seal()
    {
        if (_used == 0)
            return;
        var content = _current.AsSpan(0, _used);
        _blocks.Add(compress ? LZ4Pickler.Pickle(content, LZ4Level.L00_FAST) : content.ToArray());
        _used = 0;
        if (_current.Length != BlockSize)
            _current = new byte[BlockSize];
    }

    private static int WriteVarint(Span<byte> target, int value)
    {
        var i = 0;
        var v = (uint)value;
        while (v >= 0x80)
        {
            target[i++] = (byte)(v | 0x80);
            v >>= 7;
        }
        target[i++] = (byte)v;
        return i;
    }

    private static int ReadVarint(ReadOnlySpan<byte> source, out int length)
    {
        var value = 0;
        var shift = 0;
        var i = 0;
        byte b;
        do
        {
            b = source[i++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        length = i;
        return value;
    }
}
