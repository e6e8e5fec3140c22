using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Credentials;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>Users: one organisation and one role each; passwords kept only as PBKDF2 hashes.</summary>
public sealed class UserService(IAccessRepositories repositories, AdminGuard guard, IOptions<AccessOptions> options, TimeProvider time)
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Creates a user. Without a password the user can only sign in with API tokens.</summary>
    public UserRecord Create(Principal actor, string name, string organizationId, Role role, string? password)
    {
        guard.Require(actor, guard.MayManageUsersOf(actor, organizationId), AuditActions.UserChange, name, $"create users of {organizationId}");
        if (string.IsNullOrWhiteSpace(name) || name.Contains(':', StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' is not a user name (not empty, no ':', which HTTP Basic cannot carry)", nameof(name));
        if (repositories.Organizations.Get(organizationId) is null)
            throw new KeyNotFoundException($"organisation {organizationId} is not registered");
        var record = new UserRecord("user--" + Guid.NewGuid().ToString("D"), name, organizationId, RoleNames.Of(role),
            password is null ? null : HashChecked(password), time.GetUtcNow(), Disabled: false);
        if (!repositories.Users.Add(record))
            throw new InvalidOperationException($"a user named '{name}' already exists");
        guard.Record(actor, AuditActions.UserChange, record.Id, $"created '{name}' ({RoleNames.Of(role)}) in {organizationId}");
        return record;
    }

    public void SetPassword(Principal actor, string userId, string password)
    {
        var user = Require(userId);
        var own = string.Equals(actor.UserId, userId, StringComparison.Ordinal);
        guard.Require(actor, own || guard.MayManageUsersOf(actor, user.OrganizationId), AuditActions.UserChange, userId, "set this user's password");
        repositories.Users.Update(user with { PasswordHash = HashChecked(password) });
        guard.Record(actor, AuditActions.UserChange, userId, "password set");
    }

    public UserRecord SetRole(Principal actor, string userId, Role role)
    {
        var user = Require(userId);
        guard.Require(actor, guard.MayManageUsersOf(actor, user.OrganizationId), AuditActions.UserChange, userId, "change this user's role");
        var changed = user with { Role = RoleNames.Of(role) };
        repositories.Users.Update(changed);
        guard.Record(actor, AuditActions.UserChange, userId, $"role {user.Role} -> {changed.Role}");
        return changed;
    }

    /// <summary>Disables (or re-enables) a user: a disabled user's password and tokens stop working at once.</summary>
    public UserRecord SetDisabled(Principal actor, string userId, bool disabled)
    {
        var user = Require(userId);
        guard.Require(actor, guard.MayManageUsersOf(actor, user.OrganizationId), AuditActions.UserChange, userId, "disable this user");
        var changed = user with { Disabled = disabled };
        repositories.Users.Update(changed);
        guard.Record(actor, AuditActions.UserChange, userId, disabled ? "disabled" : "enabled");
        return changed;
    }

    public UserRecord? Get(string userId) => repositories.Users.Get(userId);

    public UserRecord? GetByName(string name) => repositories.Users.GetByName(name);

    public IReadOnlyList<UserRecord> List(string? organizationId = null) => repositories.Users.List(organizationId);

    public static Principal PrincipalOf(UserRecord user) => new(user.Id, user.OrganizationId, RoleNames.Parse(user.Role));

    private UserRecord Require(string userId) =>
        repositories.Users.Get(userId) ?? throw new KeyNotFoundException($"user {userId} does not exist");

    private string HashChecked(string password)
    {
        if (password.Length < MinimumPasswordLength)
            throw new ArgumentException($"a password needs at least {MinimumPasswordLength} characters", nameof(password));
        return PasswordHasher.Hash(password, options.Value.PasswordIterations);
    }
}
