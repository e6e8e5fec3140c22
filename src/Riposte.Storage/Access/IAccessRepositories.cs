namespace Riposte.Storage.Access;

/// <summary>
/// The persistence seam for who-is-who, collections and the audit log. Written once per database
/// provider (SQLite now, PostgreSQL later); the access services never see SQL.
/// </summary>
public interface IAccessRepositories
{
    /// <summary>Creates or upgrades the access tables. Safe to call on every start.</summary>
    void Migrate();

    IOrganizationRepository Organizations { get; }
    IUserRepository Users { get; }
    ITokenRepository Tokens { get; }
    ICollectionRepository Collections { get; }
    IAuditRepository Audit { get; }
}

public interface IOrganizationRepository
{
    /// <summary>Adds an organisation; false when the id is already taken.</summary>
    bool Add(OrganizationRecord organization);

    /// <summary>Changes name and tier; false when unknown.</summary>
    bool Update(OrganizationRecord organization);

    OrganizationRecord? Get(string id);
    IReadOnlyList<OrganizationRecord> List();

    /// <summary>Registers <paramref name="clientId"/> as a client of <paramref name="providerId"/> (TLP:AMBER "its clients"); idempotent.</summary>
    void AddClient(string providerId, string clientId);

    bool RemoveClient(string providerId, string clientId);

    /// <summary>Every (provider, client) pair.</summary>
    IReadOnlyList<(string ProviderId, string ClientId)> ListClients();

    /// <summary>Puts an organisation in a named group; idempotent.</summary>
    void AddToGroup(string group, string organizationId);

    bool RemoveFromGroup(string group, string organizationId);

    /// <summary>Every (group, organisation) pair of the named groups kept in the database.</summary>
    IReadOnlyList<(string Group, string OrganizationId)> ListGroupMembers();
}

public interface IUserRepository
{
    /// <summary>Adds a user; false when the id or name is already taken.</summary>
    bool Add(UserRecord user);

    bool Update(UserRecord user);
    UserRecord? Get(string id);

    /// <summary>By login name, compared ordinally.</summary>
    UserRecord? GetByName(string name);

    IReadOnlyList<UserRecord> List(string? organizationId = null);
}

public interface ITokenRepository
{
    void Add(TokenRecord token);
    TokenRecord? Get(string id);

    /// <summary>The token whose secret has this SHA-256 (lower-case hex), or null.</summary>
    TokenRecord? FindBySecretHash(string secretHash);

    IReadOnlyList<TokenRecord> ListForUser(string userId);

    /// <summary>Marks a token revoked at <paramref name="at"/>; false when unknown or already revoked.</summary>
    bool Revoke(string id, DateTimeOffset at);

    void TouchLastUsed(string id, DateTimeOffset at);
}

public interface ICollectionRepository
{
    /// <summary>Adds a collection; false when the id is already taken.</summary>
    bool Add(CollectionRecord collection);

    CollectionRecord? Get(string id);
    IReadOnlyList<CollectionRecord> List();

    /// <summary>Sets (replaces) the grant for this collection and grantee.</summary>
    void SetGrant(CollectionGrant grant);

    /// <summary>Removes the grant for this collection and grantee; false when there was none.</summary>
    bool RemoveGrant(string collectionId, GranteeKind kind, string grantee);

    IReadOnlyList<CollectionGrant> ListGrants(string? collectionId = null);
}
