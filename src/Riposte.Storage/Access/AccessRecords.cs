namespace Riposte.Storage.Access;

/// <summary>How far a registered organisation is trusted; decides which groups it falls in.</summary>
public enum TrustTier
{
    Member,
    Partner,
    Outreach,
}

/// <summary>An organisation registered on this node. <paramref name="Id"/> is its STIX identity id.</summary>
public sealed record OrganizationRecord(string Id, string Name, TrustTier Tier, DateTimeOffset Created);

/// <summary>A user. <paramref name="Role"/> is the lower-case role name; <paramref name="PasswordHash"/> is a self-describing PBKDF2 hash, or null when the user may only use tokens.</summary>
public sealed record UserRecord(
    string Id,
    string Name,
    string OrganizationId,
    string Role,
    string? PasswordHash,
    DateTimeOffset Created,
    bool Disabled);

/// <summary>An API token. Only the SHA-256 of the secret is kept (<paramref name="SecretHash"/>, lower-case hex).</summary>
public sealed record TokenRecord(
    string Id,
    string UserId,
    string Name,
    string SecretHash,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastUsed);

/// <summary>A TAXII collection.</summary>
public sealed record CollectionRecord(string Id, string Title, string? Description, IReadOnlyList<string> MediaTypes, DateTimeOffset Created);

/// <summary>Whom a grant is for: one organisation, or a named group of organisations.</summary>
public enum GranteeKind
{
    Organization,
    Group,
}

/// <summary>Read and/or write rights on a collection for an organisation or a group.</summary>
public sealed record CollectionGrant(string CollectionId, GranteeKind Kind, string Grantee, bool Read, bool Write);
