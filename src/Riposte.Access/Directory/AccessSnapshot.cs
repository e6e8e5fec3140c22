using System.Collections.Frozen;
using Riposte.Storage.Access;

namespace Riposte.Access.Directory;

/// <summary>
/// An immutable picture of who is who: organisations and their tiers, client relations, group
/// membership, collections and grants. Read once and shared by every request until it changes, so
/// the gate never queries the database for these.
/// </summary>
public sealed class AccessSnapshot
{
    private static readonly FrozenSet<string> NoStrings = FrozenSet<string>.Empty;

    private readonly FrozenDictionary<string, OrganizationRecord> _organizations;
    private readonly FrozenDictionary<string, FrozenSet<string>> _providersOfClient;
    private readonly FrozenDictionary<string, FrozenSet<string>> _groupsOfOrganization;
    private readonly FrozenDictionary<string, CollectionRecord> _collections;
    private readonly FrozenDictionary<string, CollectionGrant[]> _grantsByCollection;

    public AccessSnapshot(
        IEnumerable<OrganizationRecord> organizations,
        IEnumerable<(string ProviderId, string ClientId)> clients,
        IEnumerable<(string Group, string OrganizationId)> groupMembers,
        IEnumerable<CollectionRecord> collections,
        IEnumerable<CollectionGrant> grants,
        IReadOnlySet<TrustTier> communityTiers)
    {
        _organizations = organizations.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal);
        _providersOfClient = clients.GroupBy(c => c.ClientId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.ProviderId).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var org in _organizations.Values)
        {
            var set = groups[org.Id] = new HashSet<string>(StringComparer.Ordinal) { BuiltInGroups.Everyone, BuiltInGroups.ForTier(org.Tier) };
            if (communityTiers.Contains(org.Tier))
                set.Add(BuiltInGroups.Community);
        }
        foreach (var (group, orgId) in groupMembers)
        {
            if (groups.TryGetValue(orgId, out var set))
                set.Add(group);
        }
        _groupsOfOrganization = groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _collections = collections.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        _grantsByCollection = grants.GroupBy(g => g.CollectionId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static AccessSnapshot Load(IAccessRepositories repositories, IReadOnlySet<TrustTier> communityTiers) => new(
        repositories.Organizations.List(),
        repositories.Organizations.ListClients(),
        repositories.Organizations.ListGroupMembers(),
        repositories.Collections.List(),
        repositories.Collections.ListGrants(),
        communityTiers);

    public OrganizationRecord? Organization(string id) => _organizations.GetValueOrDefault(id);

    public IEnumerable<OrganizationRecord> Organizations => _organizations.Values;

    /// <summary>Organisations that registered <paramref name="organizationId"/> as one of their clients.</summary>
    public IReadOnlySet<string> ProvidersOf(string organizationId) => _providersOfClient.GetValueOrDefault(organizationId) ?? NoStrings;

    /// <summary>Every group (built-in and named) the organisation belongs to; empty when it is not registered.</summary>
    public IReadOnlySet<string> GroupsOf(string organizationId) => _groupsOfOrganization.GetValueOrDefault(organizationId) ?? NoStrings;

    public bool IsInCommunity(string organizationId) => GroupsOf(organizationId).Contains(BuiltInGroups.Community);

    public CollectionRecord? Collection(string id) => _collections.GetValueOrDefault(id);

    public IEnumerable<CollectionRecord> Collections => _collections.Values;

    /// <summary>The rights an organisation has on a collection: the union of its own grant and its groups' grants.</summary>
    public (bool Read, bool Write) RightsOn(string collectionId, string organizationId)
    {
        if (!_grantsByCollection.TryGetValue(collectionId, out var grants))
            return (false, false);
        var groups = GroupsOf(organizationId);
        bool read = false, write = false;
        foreach (var grant in grants)
        {
            var applies = grant.Kind == GranteeKind.Organization
                ? string.Equals(grant.Grantee, organizationId, StringComparison.Ordinal)
                : groups.Contains(grant.Grantee);
            if (applies)
            {
                read |= grant.Read;
                write |= grant.Write;
            }
        }
        return (read, write);
    }
}
