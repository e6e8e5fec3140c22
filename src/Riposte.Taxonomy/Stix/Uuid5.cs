using System.Security.Cryptography;
using System.Text;

namespace Riposte.Taxonomy.Stix;

/// <summary>Name-based UUIDs (RFC 9562 version 5): the same namespace and name always give the same id.</summary>
public static class Uuid5
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        // SHA-1 is what version 5 is defined on; it names, it does not protect.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
