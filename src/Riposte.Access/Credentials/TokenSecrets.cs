using System.Security.Cryptography;
using System.Text;

namespace Riposte.Access.Credentials;

/// <summary>API token secrets: 32 random bytes shown once as <c>rpt_</c> + base64url; only their SHA-256 is stored.</summary>
public static class TokenSecrets
{
    public const string Prefix = "rpt_";

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the secret text: what the database keeps and looks up.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool LooksLikeToken(string text) => text.StartsWith(Prefix, StringComparison.Ordinal) && text.Length == Prefix.Length + 43;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
