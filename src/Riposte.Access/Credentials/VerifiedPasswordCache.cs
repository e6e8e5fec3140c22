using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Riposte.Access.Credentials;

/// <summary>
/// Remembers for a short time that a password matched, so a TAXII client sending HTTP Basic on every
/// request pays PBKDF2 once, not per request. Keys are an HMAC (with a key that never leaves this
/// process) of the user, the stored hash and the password: changing the password invalidates them.
/// </summary>
public sealed class VerifiedPasswordCache(IOptions<AccessOptions> options, TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public bool IsVerified(string userId, string storedHash, string password) =>
        options.Value.VerifiedPasswordCacheSeconds > 0
        && _verified.TryGetValue(Key(userId, storedHash, password), out var expires)
        && time.GetUtcNow() < expires;

    public void Remember(string userId, string storedHash, string password)
    {
        var seconds = options.Value.VerifiedPasswordCacheSeconds;
        if (seconds <= 0)
            return;
        if (_verified.Count >= MaxEntries)
            _verified.Clear();
        _verified[Key(userId, storedHash, password)] = time.GetUtcNow().AddSeconds(seconds);
    }

    private string Key(string userId, string storedHash, string password) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId + "\0" + storedHash + "\0" + password)));
}
