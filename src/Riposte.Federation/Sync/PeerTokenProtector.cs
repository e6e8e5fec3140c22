using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Riposte.Federation.Sync;

/// <summary>
/// Encrypts peer tokens at rest with ASP.NET Core data protection (AES-256-CBC + HMAC-SHA256, rotating
/// keys). The keys sit in a folder beside the database: whoever can read both can decrypt, so this
/// protects a copied database or a log line, not a compromised host.
/// </summary>
public sealed class PeerTokenProtector
{
    private const string Purpose = "Riposte.Federation.PeerToken.v1";
    private readonly IDataProtector _protector;

    public PeerTokenProtector(IDataProtectionProvider provider) => _protector = provider.CreateProtector(Purpose);

    /// <summary>A protector whose keys live in <paramref name="keysDirectory"/> (created when missing).</summary>
    public static PeerTokenProtector ForKeys(string keysDirectory) =>
        new(DataProtectionProvider.Create(new DirectoryInfo(keysDirectory), b => b.SetApplicationName("riposte-federation")));

    /// <summary>The keys folder used next to a database file.</summary>
    public static string KeysDirectoryFor(string db) => Path.GetFullPath(db) + ".keys";

    public string Protect(string token) => _protector.Protect(token);

    /// <summary>The token; a clear error when the keys that protected it are gone.</summary>
    public string Unprotect(string peer, string protectedToken)
    {
        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"the token of peer '{peer}' cannot be decrypted with this node's keys ({e.Message}); set it again with 'riposte peer add {peer} … --replace'", e);
        }
    }
}
