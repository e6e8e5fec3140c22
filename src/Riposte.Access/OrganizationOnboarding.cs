using System.Text.Json.Nodes;
using Riposte.Access.Audit;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Access;

namespace Riposte.Access;

/// <summary>
/// Onboards an organisation the way <c>riposte org add</c> and the admin pages both do: a new STIX
/// identity (TLP:GREEN, so the community can resolve who wrote what) unless an existing one is named,
/// then its registration. Everything is checked before anything is written.
/// </summary>
public sealed class OrganizationOnboarding(OrganizationService organizations, IStixStore store, AdminGuard guard, TimeProvider time)
{
    public OrganizationRecord Onboard(Principal actor, string name, TrustTier tier, string? identityId = null)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.OrganizationChange, identityId ?? name, "register organisations");
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("an organisation needs a name", nameof(name));
        var trimmed = name.Trim();
        if (organizations.List().FirstOrDefault(o => string.Equals(o.Name, trimmed, StringComparison.OrdinalIgnoreCase)) is { } same)
            throw new InvalidOperationException($"an organisation named '{same.Name}' is already registered ({same.Id})");
        if (identityId is not null)
        {
            if (organizations.Get(identityId) is not null)
                throw new InvalidOperationException($"organisation {identityId} is already registered");
            return organizations.Register(actor, identityId, trimmed, tier);
        }
        var created = NewIdentity(trimmed);
        store.Put([created]);
        return organizations.Register(actor, created.Id, trimmed, tier);
    }

    private StixObject NewIdentity(string name)
    {
        var now = StixTimestamp.FromDateTime(time.GetUtcNow()).Text;
        return new StixObject(new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = "identity--" + Guid.NewGuid().ToString("D"),
            ["created"] = now,
            ["modified"] = now,
            ["name"] = name,
            ["identity_class"] = "organization",
            ["object_marking_refs"] = new JsonArray(TlpMarkings.GreenId),
        });
    }
}
