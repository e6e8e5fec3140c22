using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Directory;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>TAXII collections and the read/write grants on them.</summary>
public sealed class CollectionService(
    IAccessRepositories repositories,
    AccessDirectory directory,
    AdminGuard guard,
    IOptions<AccessOptions> options,
    TimeProvider time) : ICollectionRegistry
{
    public const string StixMediaType = "application/stix+json;version=2.1";

    public CollectionRecord Create(Principal actor, string title, string? description = null, string? id = null)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.CollectionChange, id ?? title, "create collections");
        if (string.IsNullOrWhiteSpace(title))
            throw new ArgumentException("a collection needs a title", nameof(title));
        if (id is not null && !Guid.TryParseExact(id, "D", out _))
            throw new ArgumentException($"'{id}' is not a collection id (a UUID such as 91a7b528-80eb-42ed-a74d-c6fbd5a26116)", nameof(id));
        var record = new CollectionRecord(id ?? Guid.NewGuid().ToString("D"), title.Trim(), description, [StixMediaType], time.GetUtcNow());
        if (!repositories.Collections.Add(record))
            throw new InvalidOperationException($"collection {record.Id} already exists");
        directory.Invalidate();
        guard.Record(actor, AuditActions.CollectionChange, record.Id, $"created '{record.Title}'", record.Id);
        return record;
    }

    /// <summary>Sets the rights of an organisation or a group on a collection (replacing any earlier grant to it).</summary>
    public CollectionGrant Grant(Principal actor, string collectionId, GranteeKind kind, string grantee, bool read, bool write)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.CollectionChange, collectionId, "grant access to collections");
        if (repositories.Collections.Get(collectionId) is null)
            throw new KeyNotFoundException($"collection {collectionId} does not exist");
        if (kind == GranteeKind.Organization && repositories.Organizations.Get(grantee) is null)
            throw new KeyNotFoundException($"organisation {grantee} is not registered");
        if (kind == GranteeKind.Group && !BuiltInGroups.Names.Contains(grantee))
            OrganizationService.RequireGroupName(grantee);
        if (!read && !write)
            throw new ArgumentException("a grant gives read, write or both; use Revoke to take rights away", nameof(read));
        var grant = new CollectionGrant(collectionId, kind, grantee, read, write);
        repositories.Collections.SetGrant(grant);
        directory.Invalidate();
        guard.Record(actor, AuditActions.CollectionChange, grantee, $"granted {(read ? "read" : "")}{(read && write ? "+" : "")}{(write ? "write" : "")}", collectionId);
        return grant;
    }

    public bool Revoke(Principal actor, string collectionId, GranteeKind kind, string grantee)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.CollectionChange, collectionId, "revoke access to collections");
        var removed = repositories.Collections.RemoveGrant(collectionId, kind, grantee);
        directory.Invalidate();
        guard.Record(actor, AuditActions.CollectionChange, grantee, removed ? "grant revoked" : "no grant to revoke", collectionId);
        return removed;
    }

    public IReadOnlyList<CollectionRecord> List() => repositories.Collections.List();

    public IReadOnlyList<CollectionGrant> ListGrants(string collectionId) => repositories.Collections.ListGrants(collectionId);

    public IReadOnlyList<CollectionInfo> ListVisible(Principal principal)
    {
        var snapshot = directory.Current;
        return snapshot.Collections
            .Where(c => IsVisible(principal, c.Id, snapshot))
            .OrderBy(c => c.Title, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(Info)
            .ToList();
    }

    public CollectionInfo? GetVisible(Principal principal, string collectionId)
    {
        var snapshot = directory.Current;
        return snapshot.Collection(collectionId) is { } c && IsVisible(principal, collectionId, snapshot) ? Info(c) : null;
    }

    private bool IsVisible(Principal principal, string collectionId, AccessSnapshot snapshot) =>
        CollectionRules.Decide(principal, collectionId, write: false, snapshot, options.Value).Allowed
        || CollectionRules.Decide(principal, collectionId, write: true, snapshot, options.Value).Allowed;

    private static CollectionInfo Info(CollectionRecord c) => new(c.Id, c.Title, c.Description, c.MediaTypes);
}
