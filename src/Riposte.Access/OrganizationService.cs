using System.Text.RegularExpressions;
using Riposte.Access.Audit;
using Riposte.Access.Directory;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>Registers organisations, their trust tiers, their clients (TLP:AMBER) and named groups.</summary>
public sealed partial class OrganizationService(IAccessRepositories repositories, AccessDirectory directory, AdminGuard guard, TimeProvider time)
{
    public OrganizationRecord Register(Principal actor, string identityId, string name, TrustTier tier)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, identityId, "register organisations");
        if (!IdentityId().IsMatch(identityId))
            throw new ArgumentException($"'{identityId}' is not a STIX identity id (identity--<uuid>)", nameof(identityId));
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("an organisation needs a name", nameof(name));
        var record = new OrganizationRecord(identityId, name.Trim(), tier, time.GetUtcNow());
        if (!repositories.Organizations.Add(record))
            throw new InvalidOperationException($"organisation {identityId} is already registered");
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, identityId, $"registered '{record.Name}' as {tier}");
        return record;
    }

    public OrganizationRecord ChangeTier(Principal actor, string identityId, TrustTier tier)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, identityId, "change trust tiers");
        var current = Get(identityId) ?? throw new KeyNotFoundException($"organisation {identityId} is not registered");
        var changed = current with { Tier = tier };
        repositories.Organizations.Update(changed);
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, identityId, $"tier {current.Tier} -> {tier}");
        return changed;
    }

    public OrganizationRecord Rename(Principal actor, string identityId, string name)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, identityId, "rename organisations");
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("an organisation needs a name", nameof(name));
        var current = Get(identityId) ?? throw new KeyNotFoundException($"organisation {identityId} is not registered");
        var changed = current with { Name = name.Trim() };
        if (changed == current)
            return current;
        repositories.Organizations.Update(changed);
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, identityId, $"renamed '{current.Name}' -> '{changed.Name}'");
        return changed;
    }

    public OrganizationRecord? Get(string identityId) => repositories.Organizations.Get(identityId);

    public IReadOnlyList<OrganizationRecord> List() => repositories.Organizations.List();

    /// <summary>The organisations registered as clients of <paramref name="providerId"/>.</summary>
    public IReadOnlyList<string> ClientsOf(string providerId) =>
        [.. repositories.Organizations.ListClients().Where(c => string.Equals(c.ProviderId, providerId, StringComparison.Ordinal)).Select(c => c.ClientId).Order(StringComparer.Ordinal)];

    /// <summary>The named groups <paramref name="organizationId"/> belongs to (built-in groups follow from tiers and are not listed).</summary>
    public IReadOnlyList<string> GroupsOf(string organizationId) =>
        [.. repositories.Organizations.ListGroupMembers().Where(m => string.Equals(m.OrganizationId, organizationId, StringComparison.Ordinal)).Select(m => m.Group).Order(StringComparer.Ordinal)];

    /// <summary>Every named group kept on this node.</summary>
    public IReadOnlyList<string> NamedGroups() =>
        [.. repositories.Organizations.ListGroupMembers().Select(m => m.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Makes <paramref name="clientId"/> a client of <paramref name="providerId"/>: it then sees the provider's TLP:AMBER.</summary>
    public void AddClient(Principal actor, string providerId, string clientId)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, providerId, "register clients");
        RequireRegistered(providerId);
        RequireRegistered(clientId);
        if (string.Equals(providerId, clientId, StringComparison.Ordinal))
            throw new ArgumentException("an organisation cannot be its own client", nameof(clientId));
        repositories.Organizations.AddClient(providerId, clientId);
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, providerId, $"client added: {clientId}");
    }

    public bool RemoveClient(Principal actor, string providerId, string clientId)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, providerId, "remove clients");
        var removed = repositories.Organizations.RemoveClient(providerId, clientId);
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, providerId, $"client removed: {clientId}");
        return removed;
    }

    public void AddToGroup(Principal actor, string group, string organizationId)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, organizationId, "change groups");
        RequireGroupName(group);
        RequireRegistered(organizationId);
        repositories.Organizations.AddToGroup(group, organizationId);
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, organizationId, $"joined group {group}");
    }

    public bool RemoveFromGroup(Principal actor, string group, string organizationId)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, organizationId, "change groups");
        var removed = repositories.Organizations.RemoveFromGroup(group, organizationId);
        directory.Invalidate();
        guard.Record(actor, AuditActions.OrganizationChange, organizationId, $"left group {group}");
        return removed;
    }

    /// <summary>Named groups are lower-case words joined by dashes; built-in names are reserved.</summary>
    public static void RequireGroupName(string group)
    {
        if (!GroupName().IsMatch(group))
            throw new ArgumentException($"'{group}' is not a group name (lower-case letters, digits and dashes)", nameof(group));
        if (BuiltInGroups.Names.Contains(group))
            throw new ArgumentException($"'{group}' is a built-in group; its members follow from trust tiers", nameof(group));
    }

    private void RequireRegistered(string organizationId)
    {
        if (repositories.Organizations.Get(organizationId) is null)
            throw new KeyNotFoundException($"organisation {organizationId} is not registered");
    }

    [GeneratedRegex("^identity--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex IdentityId();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex GroupName();
}
