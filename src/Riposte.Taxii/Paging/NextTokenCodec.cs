using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Riposte.Taxii.Http;

namespace Riposte.Taxii.Paging;

/// <summary>
/// The opaque <c>next</c> value (§3.4): the store sequence to resume after, the time it was issued
/// and a hash of the query it belongs to, signed with HMAC-SHA256. A client can neither read a
/// position out of it nor forge or move one; a token used with different filters, by another
/// user, after it expired or with a wrong signature is a 400.
/// </summary>
public sealed class NextTokenCodec
{
    private const byte FormatVersion = 1;
    private const int QueryHashLength = 16;
    private const int MacLength = 16;
    private const int PayloadLength = 1 + 8 + 8 + QueryHashLength;

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public NextTokenCodec(IOptions<TaxiiOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        // Without a configured key tokens are signed with a per-process key and stop working on restart.
        _key = value.NextTokenKey is { Length: > 0 } key ? Convert.FromBase64String(key) : RandomNumberGenerator.GetBytes(32);
        _lifetime = value.NextTokenLifetime;
        _time = time;
    }

    /// <param name="scope">What the token is bound to: the endpoint, its path values, the user and the filter fingerprint.</param>
    public string Encode(string scope, long afterSequence)
    {
        Span<byte> buffer = stackalloc byte[PayloadLength + MacLength];
        buffer[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(buffer[1..], _time.GetUtcNow().ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(buffer[9..], afterSequence);
        HashScope(scope, buffer.Slice(17, QueryHashLength));
        Sign(buffer[..PayloadLength], buffer[PayloadLength..]);
        return WebEncoders.Base64UrlEncode(buffer.ToArray());
    }

    /// <summary>The sequence to resume after, or a 400 <see cref="TaxiiException"/> saying why the token is refused.</summary>
    public long Decode(string token, string scope)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            throw Refused("it is not a token this server issued");
        }
        if (bytes.Length != PayloadLength + MacLength || bytes[0] != FormatVersion)
            throw Refused("it is not a token this server issued");

        Span<byte> mac = stackalloc byte[MacLength];
        Sign(bytes.AsSpan(0, PayloadLength), mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes.AsSpan(PayloadLength)))
            throw Refused("its signature does not match");

        Span<byte> expectedScope = stackalloc byte[QueryHashLength];
        HashScope(scope, expectedScope);
        if (!CryptographicOperations.FixedTimeEquals(expectedScope, bytes.AsSpan(17, QueryHashLength)))
            throw Refused("it was issued for a different query (endpoint, collection, filters or user)");

        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1)));
        if (_time.GetUtcNow() - issued > _lifetime)
            throw Refused("it has expired; start again without 'next'");

        return BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(9));
    }

    private static TaxiiException Refused(string why) => TaxiiException.BadRequest($"URL parameter 'next' is refused: {why}");

    private static void HashScope(string scope, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope), full);
        full[..destination.Length].CopyTo(destination);
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, full);
        full[..destination.Length].CopyTo(destination);
    }
}
