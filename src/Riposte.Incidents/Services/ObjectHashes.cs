using System.Security.Cryptography;
using System.Text;
using Riposte.Stix;

namespace Riposte.Incidents.Services;

/// <summary>SHA-256 of evidence, so anyone can check an item is the one the analyst saw.</summary>
public static class ObjectHashes
{
    /// <summary>The SHA-256 (lower-case hex) of the object's RFC 8785 canonical JSON: the same for any property order.</summary>
    public static string Of(StixObject obj) => Of(Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(obj.Json)));

    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
