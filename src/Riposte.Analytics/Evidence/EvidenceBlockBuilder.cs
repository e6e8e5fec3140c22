using System.Buffers;
using System.Security.Cryptography;

namespace Riposte.Analytics.Evidence;

/// <summary>
/// Collects raw records into blocks and compresses each full block. Consecutive identical records (several posts
/// from one API page line) are stored once and share a pointer.
/// </summary>
public sealed class EvidenceBlockBuilder(int blockSize = EvidenceBlockBuilder.DefaultBlockSize)
{
    public const int DefaultBlockSize = 256 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(blockSize + 4096);
    private readonly List<EvidenceBlock> _sealed = [];
    private int _sequence;
    private EvidencePointer? _last;
    private bool _openBlockReferenced;

    /// <summary>Adds a record and returns where it will be stored.</summary>
    public EvidencePointer Append(ReadOnlySpan<byte> raw)
    {
        var hash = SHA256.HashData(raw);
        if (_last is { } last && last.Length == raw.Length && last.Sha256.AsSpan().SequenceEqual(hash))
            return last;
        if (_buffer.WrittenCount > 0 && _buffer.WrittenCount + raw.Length > blockSize)
            Seal();
        var pointer = new EvidencePointer(_sequence, _buffer.WrittenCount, raw.Length, hash);
        _buffer.Write(raw);
        _last = pointer;
        _openBlockReferenced = true;
        return pointer;
    }

    /// <summary>Seals the open block and returns every block sealed since the last call.</summary>
    public IReadOnlyList<EvidenceBlock> TakeBlocks()
    {
        if (_openBlockReferenced)
            Seal();
        var blocks = _sealed.ToArray();
        _sealed.Clear();
        return blocks;
    }

    private void Seal()
    {
        _sealed.Add(new EvidenceBlock(_sequence, EvidenceCodec.Lz4, _buffer.WrittenCount, EvidenceCodec.Compress(_buffer.WrittenSpan)));
        _buffer.ResetWrittenCount();
        _sequence++;
        _last = null;
        _openBlockReferenced = false;
    }
}
