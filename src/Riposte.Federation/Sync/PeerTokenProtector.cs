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

    /// <summary>Names the keys folder of a node whose database is not a file (every replica must share it).</summary>
    public const string KeysEnvironmentVariable = "RIPOSTE_KEYS";

    /// <summary>
    /// The keys folder of the node whose database <paramref name="db"/> names: <paramref name="configured"/>
    /// or <c>$RIPOSTE_KEYS</c> when given, else the folder next to a database file. A database server (a URL)
    /// needs one of the first two: the keys stay out of the database on purpose, so a stolen dump or backup of
    /// it cannot decrypt the peer tokens, and replicas on several machines must all see the same folder.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database is a server and no folder is configured.</exception>
    public static string KeysDirectoryFor(string db, string? configured = null)
    {
        var chosen = string.IsNullOrWhiteSpace(configured) ? Environment.GetEnvironmentVariable(KeysEnvironmentVariable) : configured;
        if (!string.IsNullOrWhiteSpace(chosen))
            return Path.GetFullPath(chosen);
        if (db.Contains("://", StringComparison.Ordinal) || db.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"a node on a database server keeps its peer-token keys in a folder every replica shares: set {KeysEnvironmentVariable} to it (kept out of the database so a dump cannot decrypt the tokens)");
        return Path.GetFullPath(db) + ".keys";
    }

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
