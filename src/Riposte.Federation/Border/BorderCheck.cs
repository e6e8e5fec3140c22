using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Border;

/// <summary>
/// The border, for every path out (stream, push, TAXII) and in (stream, poll). Out: the access gate,
/// which AddRiposteFederation wraps in <see cref="AgreementGate"/>, so the peer's principal is judged
/// exactly as any reader and its agreement can only narrow that. In: the agreement's InMax.
/// </summary>
public sealed class BorderCheck(IAccessGate gate, IOptions<AccessOptions> access)
{
    /// <summary>The principal a peer node stands for at our border: its organisation as registered here.</summary>
    public static Principal PrincipalOf(PeerRecord peer) => new("peer:" + peer.Name, peer.OrganizationId, Role.Partner);

    /// <summary>What may leave to <paramref name="reader"/> (the authenticated caller, or <see cref="PrincipalOf"/> when pushing), in order; null: held back.</summary>
    public IReadOnlyList<StixObject?> Outgoing(Principal reader, IReadOnlyList<StixObject> objects) => gate.ForReader(reader, objects);

    /// <summary>Whether a version received from a peer may enter this node.</summary>
    public bool Incoming(PeerRecord agreement, StixObject obj) => Within(agreement.InMax, obj, access.Value);

    /// <summary>
    /// Whether an object may cross a border whose agreement allows up to <paramref name="ceiling"/>.
    /// Without created_by_ref the receiving node would take the object for its own, so only public levels cross like that.
    /// </summary>
    public static bool Within(TlpLevel ceiling, StixObject obj, AccessOptions access)
    {
        var level = MarkingSummary.Of(obj, access).Level;
        return level <= ceiling && (obj.CreatedByRef is not null || level <= TlpLevel.Green);
    }
}
