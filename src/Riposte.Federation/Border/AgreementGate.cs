using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Stix;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Border;

/// <summary>
/// The access gate with this node's federation agreements applied: whatever a peer organisation reads —
/// by the event stream, by TAXII polling, by the REST API — is first judged by the gate as for any
/// reader, then held to the agreement's ceiling. So a peer that falls back to TAXII polling gets no
/// more than its stream would. Registered in place of the gate by AddRiposteFederation.
/// </summary>
public sealed class AgreementGate(IAccessGate inner, PeerDirectory peers, IOptions<AccessOptions> access) : IAccessGate
{
    public StixObject? ForReader(Principal principal, StixObject obj) =>
        inner.ForReader(principal, obj) is { } shown && Allows(peers.ForOrganization(principal.OrganizationId), obj) ? shown : null;

    public IReadOnlyList<StixObject?> ForReader(Principal principal, IReadOnlyList<StixObject> objects)
    {
        var shown = inner.ForReader(principal, objects);
        if (peers.ForOrganization(principal.OrganizationId) is not { } agreement)
            return shown;
        var result = new StixObject?[objects.Count];
        for (var i = 0; i < objects.Count; i++)
            result[i] = shown[i] is { } obj && Allows(agreement, objects[i]) ? obj : null;
        return result;
    }

    public bool CanReadCollection(Principal principal, string? collectionId) => inner.CanReadCollection(principal, collectionId);

    public bool CanWriteCollection(Principal principal, string? collectionId) => inner.CanWriteCollection(principal, collectionId);

    private bool Allows(PeerRecord? agreement, StixObject obj) => agreement is null || BorderCheck.Within(agreement.OutMax, obj, access.Value);
}
