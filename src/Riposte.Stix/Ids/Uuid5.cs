using System.Security.Cryptography;
using System.Text;

namespace Riposte.Stix;

/// <summary>Name-based UUIDs (RFC 4122 section 4.3, version 5: SHA-1).</summary>
public static class Uuid5
{
    /// <summary>The namespace STIX 2.1 uses for deterministic SCO identifiers.</summary>
    public static readonly Guid StixNamespace = new("00abedb4-aa42-466c-9c01-fed23315a9b7");

    public static Guid Create(Guid @namespace, string name)
    {
        var nameBytes = Encoding.UTF8.GetByteCount(name);
        var buffer = nameBytes <= 1024 ? stackalloc byte[16 + nameBytes] : new byte[16 + nameBytes];
        // RFC 4122 hashes the namespace in network (big-endian) byte order.
        if (!@namespace.TryWriteBytes(buffer[..16], bigEndian: true, out _))
            throw new InvalidOperationException("cannot write the namespace UUID");
        Encoding.UTF8.GetBytes(name, buffer[16..]);

        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what RFC 4122 version 5 prescribes; it is an identifier here, not a security measure.
#pragma warning disable CA5350
        SHA1.HashData(buffer, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
