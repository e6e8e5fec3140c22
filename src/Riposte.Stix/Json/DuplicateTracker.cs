using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Riposte.Stix.Json;

/// <summary>
/// Remembers which (id, version) pairs a bundle has already held. Keys are 128-bit digests rather than
/// strings so a bundle of millions of objects costs tens of bytes per object, not hundreds.
/// </summary>
internal sealed class DuplicateTracker
{
    private readonly Dictionary<UInt128, int> _firstIndex = [];

    /// <summary>Records the pair, or returns false with the index where it was first seen.</summary>
    public bool TryAdd(string id, string versionKey, int index, out int firstIndex)
    {
        var key = Digest(id, versionKey);
        if (_firstIndex.TryGetValue(key, out firstIndex))
            return false;
        _firstIndex.Add(key, index);
        firstIndex = index;
        return true;
    }

    private static UInt128 Digest(string id, string versionKey)
    {
        var text = string.Concat(id, "\n", versionKey);
        Span<byte> utf8 = text.Length <= 256 ? stackalloc byte[text.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var length = Encoding.UTF8.GetBytes(text, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
