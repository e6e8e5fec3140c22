using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Border;

/// <summary>
/// The one border check, for every path out (stream, push) and in (stream, poll): the access gate
/// judges the peer's principal exactly as it judges any reader, and the agreement can only narrow that.
/// </summary>
public sealed class BorderCheck(IAccessGate gate, IOptions<AccessOptions> access)
{
    /// <summary>The principal a peer node stands for at our border: its organisation as registered here.</summary>
    public static Principal PrincipalOf(PeerRecord peer) => new("peer:" + peer.Name, peer.OrganizationId, Role.Partner);

    /// <summary>
    /// What may leave, in order (null: held back). <paramref name="reader"/> is the authenticated caller
    /// (or <see cref="PrincipalOf"/> when pushing); <paramref name="agreement"/> is the caller's peer
    /// record when it is a peer node, null for an ordinary user (then only the gate applies).
    /// </summary>
    public IReadOnlyList<StixObject?> Outgoing(Principal reader, PeerRecord? agreement, IReadOnlyList<StixObject> objects)
    {
        var shown = gate.ForReader(reader, objects);
        if (agreement is null)
            return shown;
        var result = new StixObject?[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            if (shown[i] is null)
                continue;
            var marking = MarkingSummary.Of(objects[i], access.Value);
            if (marking.Level > agreement.OutMax)
                continue;
            // Without created_by_ref the receiving node would take the object for its own: only public levels may cross like that.
            if (objects[i].CreatedByRef is null && marking.Level > TlpLevel.Green)
                continue;
            result[i] = shown[i];
        }
        return result;
    }

    /// <summary>Whether a version received from a peer may enter this node.</summary>
    public bool Incoming(PeerRecord agreement, StixObject obj) =>
        MarkingSummary.Of(obj, access.Value).Level <= agreement.InMax && (obj.CreatedByRef is not null || MarkingSummary.Of(obj, access.Value).Level <= TlpLevel.Green);
}
