using System.Text.RegularExpressions;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Federation.Sync;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Peers;

/// <summary>What an admin says about a peer: where it is, who it is here, and what flows each way.</summary>
/// <param name="Token">The peer's API token for a user of our organisation there; null on a change keeps the stored one.</param>
public sealed record PeerAgreementInput(
    string Name,
    string Url,
    string OrganizationId,
    string? Token,
    IReadOnlyList<string> OutCollections,
    IReadOnlyList<string> InCollections,
    TlpLevel OutMax,
    TlpLevel InMax,
    bool Push);

/// <summary>
/// Peers and agreements, for <c>riposte peer</c> and the admin pages alike: node admins only, every
/// change and refusal audited (<c>admin.peer</c>), tokens stored encrypted and never returned. A running
/// node's sync loops pick changes up from the repository (<see cref="FederationOptions.PeerRefreshInterval"/>).
/// </summary>
public sealed partial class PeerService(
    IFederationRepository federation,
    PeerTokenProtector tokens,
    OrganizationService organizations,
    CollectionService collections,
    AdminGuard guard,
    TimeProvider time)
{
    public IReadOnlyList<PeerRecord> List() => federation.ListPeers();

    public PeerRecord? Get(string name) => federation.GetPeer(name);

    public PeerStatusRecord Status(string name) => federation.GetStatus(name);

    /// <summary>Adds a peer; with <paramref name="replace"/> an existing one of that name is replaced (its cursors kept).</summary>
    public PeerRecord Add(Principal actor, PeerAgreementInput input, bool replace = false)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.PeerChange, input.Name, "add peers");
        if (string.IsNullOrWhiteSpace(input.Token))
            throw new ArgumentException("the peer's API token is required (a token for a user of this node's organisation on the peer)", nameof(input.Token));
        var record = Checked(input, input.Token, federation.GetPeer(input.Name)?.Created ?? time.GetUtcNow());
        var stored = replace ? federation.UpdatePeer(record) || federation.AddPeer(record) : federation.AddPeer(record);
        if (!stored)
            throw new InvalidOperationException($"a peer named '{record.Name}' exists; change it instead");
        guard.Record(actor, AuditActions.PeerChange, record.Name, $"{(replace ? "set" : "added")} peer at {record.Url}: {Describe(record)}");
        return record;
    }

    /// <summary>Changes an existing peer's address and agreement; the stored token is kept unless a new one is given.</summary>
    public PeerRecord Change(Principal actor, PeerAgreementInput input)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.PeerChange, input.Name, "change peers");
        var current = federation.GetPeer(input.Name) ?? throw new KeyNotFoundException($"no peer named '{input.Name}'");
        var record = string.IsNullOrWhiteSpace(input.Token)
            ? Checked(input, null, current.Created) with { ProtectedToken = current.ProtectedToken }
            : Checked(input, input.Token, current.Created);
        if (!federation.UpdatePeer(record))
            throw new KeyNotFoundException($"no peer named '{input.Name}'");
        guard.Record(actor, AuditActions.PeerChange, record.Name, $"changed peer at {record.Url}: {Describe(record)}{(string.IsNullOrWhiteSpace(input.Token) ? "" : "; new token")}");
        return record;
    }

    /// <summary>Removes a peer: its sync loop stops within seconds; what it sent stays.</summary>
    public void Remove(Principal actor, string name)
    {
        guard.Require(actor, guard.IsNodeAdmin(actor), AuditActions.PeerChange, name, "remove peers");
        if (!federation.RemovePeer(name))
            throw new KeyNotFoundException($"no peer named '{name}'");
        guard.Record(actor, AuditActions.PeerChange, name, "removed peer");
    }

    private PeerRecord Checked(PeerAgreementInput input, string? token, DateTimeOffset created)
    {
        if (!PeerName().IsMatch(input.Name ?? ""))
            throw new ArgumentException($"'{input.Name}' is not a peer name (letters, digits, '.', '_' and '-', starting with a letter or digit)", nameof(input.Name));
        if (!Uri.TryCreate(input.Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"'{input.Url}' is not an http(s) address", nameof(input.Url));
        if (organizations.Get(input.OrganizationId ?? "") is null)
            throw new ArgumentException($"organisation '{input.OrganizationId}' is not registered on this node; register it first", nameof(input.OrganizationId));
        var known = collections.List().Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        RequireCollections(input.OutCollections, known, nameof(input.OutCollections));
        RequireCollections(input.InCollections, known, nameof(input.InCollections));
        return new PeerRecord(input.Name!, uri.GetLeftPart(UriPartial.Authority), input.OrganizationId!, token is null ? "" : tokens.Protect(token),
            [.. input.OutCollections.Distinct(StringComparer.Ordinal)], [.. input.InCollections.Distinct(StringComparer.Ordinal)],
            input.OutMax, input.InMax, input.Push, created);
    }

    private static void RequireCollections(IReadOnlyList<string> ids, HashSet<string> known, string field)
    {
        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
            throw new ArgumentException($"collection '{unknown}' does not exist on this node (a federated collection has the same id on every node; create it with that id)", field);
    }

    private static string Describe(PeerRecord peer) =>
        $"organisation {peer.OrganizationId}; out [{string.Join(", ", peer.OutCollections)}] up to TLP:{TlpMarkings.Tlp2Value(peer.OutMax).ToUpperInvariant()}; " +
        $"in [{string.Join(", ", peer.InCollections)}] up to TLP:{TlpMarkings.Tlp2Value(peer.InMax).ToUpperInvariant()}{(peer.Push ? "; push" : "")}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex PeerName();
}
