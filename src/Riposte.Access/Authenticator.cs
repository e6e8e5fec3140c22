using Riposte.Access.Audit;
using Riposte.Access.Credentials;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>HTTP Basic (user + password, or user + API token as the password) and bearer tokens. Failures are audited.</summary>
public sealed class Authenticator(
    IAccessRepositories repositories,
    VerifiedPasswordCache verified,
    IAuditLog audit,
    AccessRequestContext request,
    TimeProvider time) : IAuthenticator
{
    // Verified against when the user is unknown, so a wrong user name costs as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString("N"), 100_000));

    // last_used is a hint, not an audit trail: write it at most this often per token.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public Principal? AuthenticateBasic(string userName, string password)
    {
        var user = repositories.Users.GetByName(userName);
        if (TokenSecrets.LooksLikeToken(password))
        {
            var byToken = AuthenticateToken(password);
            if (byToken is not null && user is not null && string.Equals(byToken.UserId, user.Id, StringComparison.Ordinal))
                return byToken;
            return byToken is null ? null : Fail(userName, "the token belongs to another user");
        }
        if (user is null)
        {
            PasswordHasher.Verify(password, DecoyHash.Value);
            return Fail(userName, "unknown user");
        }
        if (user.PasswordHash is null)
            return Fail(user.Id, "the user has no password (tokens only)");
        if (!verified.IsVerified(user.Id, user.PasswordHash, password))
        {
            if (!PasswordHasher.Verify(password, user.PasswordHash))
                return Fail(user.Id, "wrong password");
            verified.Remember(user.Id, user.PasswordHash, password);
        }
        return user.Disabled ? Fail(user.Id, "the user is disabled") : UserService.PrincipalOf(user);
    }

    public Principal? AuthenticateToken(string token)
    {
        var record = repositories.Tokens.FindBySecretHash(TokenSecrets.HashOf(token));
        if (record is null)
            return Fail("unknown", "unknown token");
        var now = time.GetUtcNow();
        if (record.Revoked is not null)
            return Fail(record.UserId, $"token {record.Id} is revoked");
        if (record.Expires is { } expires && now >= expires)
            return Fail(record.UserId, $"token {record.Id} expired");
        var user = repositories.Users.Get(record.UserId);
        if (user is null || user.Disabled)
            return Fail(record.UserId, "the token's user is disabled or gone");
        if (record.LastUsed is null || now - record.LastUsed.Value >= LastUsedResolution)
            repositories.Tokens.TouchLastUsed(record.Id, now);
        return UserService.PrincipalOf(user);
    }

    private Principal? Fail(string who, string reason)
    {
        audit.Append(new AuditEvent(new Principal(who, "unknown", Role.Reader), AuditActions.AuthenticationFailed, false, reason, RemoteAddress: request.RemoteAddress));
        return null;
    }
}
