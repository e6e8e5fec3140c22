using Riposte.Access.Audit;
using Riposte.Access.Credentials;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>A token just created: <see cref="Secret"/> is shown this once and never stored.</summary>
public sealed record CreatedToken(TokenRecord Token, string Secret);

/// <summary>API tokens for TAXII clients and scripts: random, hashed at rest, expiring, revocable.</summary>
public sealed class TokenService(IAccessRepositories repositories, AdminGuard guard, TimeProvider time)
{
    public CreatedToken Create(Principal actor, string userId, string name, DateTimeOffset? expires)
    {
        var user = repositories.Users.Get(userId) ?? throw new KeyNotFoundException($"user {userId} does not exist");
        guard.Require(actor, MayManage(actor, user), AuditActions.TokenChange, userId, "create tokens for this user");
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("a token needs a name saying what it is for", nameof(name));
        var now = time.GetUtcNow();
        if (expires is { } e && e <= now)
            throw new ArgumentException($"the expiry {e:O} is already past", nameof(expires));
        var secret = TokenSecrets.NewSecret();
        var token = new TokenRecord("token--" + Guid.NewGuid().ToString("D"), userId, name.Trim(), TokenSecrets.HashOf(secret), now, expires, null, null);
        repositories.Tokens.Add(token);
        guard.Record(actor, AuditActions.TokenChange, token.Id, $"created token '{token.Name}' for {userId}");
        return new CreatedToken(token, secret);
    }

    public bool Revoke(Principal actor, string tokenId)
    {
        var token = repositories.Tokens.Get(tokenId) ?? throw new KeyNotFoundException($"token {tokenId} does not exist");
        var user = repositories.Users.Get(token.UserId);
        guard.Require(actor, user is not null && MayManage(actor, user), AuditActions.TokenChange, tokenId, "revoke this token");
        var revoked = repositories.Tokens.Revoke(tokenId, time.GetUtcNow());
        guard.Record(actor, AuditActions.TokenChange, tokenId, revoked ? "revoked" : "already revoked");
        return revoked;
    }

    public IReadOnlyList<TokenRecord> List(string userId) => repositories.Tokens.ListForUser(userId);

    private bool MayManage(Principal actor, UserRecord user) =>
        string.Equals(actor.UserId, user.Id, StringComparison.Ordinal) || guard.MayManageUsersOf(actor, user.OrganizationId);
}
