using Riposte.Stix.Markings;

namespace Riposte.Storage.Federation;

/// <summary>
/// A peer node and this node's agreement with it. Collection ids are the same on both nodes (a
/// federated collection has one UUID across the mesh); levels are ceilings, RED passing only when the
/// agreement says so and the object itself names the peer (the access gate checks that).
/// </summary>
/// <param name="Name">Local short name (<c>riposte peer add NAME …</c>).</param>
/// <param name="Url">The peer's base address (scheme, host, port).</param>
/// <param name="OrganizationId">The peer's organisation as registered on this node: the principal the gate judges at the border.</param>
/// <param name="ProtectedToken">The peer's API token for a user of our organisation there, encrypted with this node's data-protection key.</param>
/// <param name="OutCollections">Collections whose objects may flow to the peer.</param>
/// <param name="InCollections">Collections whose objects are accepted from the peer.</param>
/// <param name="OutMax">The most restrictive TLP level that may leave to this peer.</param>
/// <param name="InMax">The most restrictive TLP level accepted from this peer.</param>
/// <param name="Push">Whether local writes are also POSTed to the peer's TAXII collections.</param>
public sealed record PeerRecord(
    string Name,
    string Url,
    string OrganizationId,
    string ProtectedToken,
    IReadOnlyList<string> OutCollections,
    IReadOnlyList<string> InCollections,
    TlpLevel OutMax,
    TlpLevel InMax,
    bool Push,
    DateTimeOffset Created);

/// <summary>What the sync loop last knew about a peer; shown by <c>riposte peer status</c>.</summary>
/// <param name="StreamCursor">The last applied event id of the peer's stream (the peer's own values).</param>
/// <param name="RemoteHead">The peer's newest event id as it last announced it.</param>
/// <param name="LastContact">Local time of the last successful exchange.</param>
/// <param name="LastError">The last failure, null once an exchange succeeds after it.</param>
/// <param name="Applied">Versions and deletions received that changed this node.</param>
/// <param name="Rejected">Versions the agreement or the border refused, and conflicting versions.</param>
/// <param name="Unchanged">Versions received that this node held already (replays, or arrivals by two paths).</param>
/// <param name="Lag">How far behind the peer's stream this node was at the last heartbeat applied (zero: caught up), measured on the peer's clock alone.</param>
public sealed record PeerStatusRecord(
    string Peer,
    string? StreamCursor,
    string? RemoteHead,
    DateTimeOffset? LastContact,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long Applied,
    long Rejected,
    long Unchanged = 0,
    TimeSpan? Lag = null);

/// <summary>Where one (id, version) came from: the node that first wrote it and the nodes it passed through, in order, ending with this one.</summary>
public sealed record ProvenanceRecord(string Id, string Version, string Origin, IReadOnlyList<string> Path, string? ViaPeer, DateTimeOffset Received);

/// <summary>What an entry of the change log beside the store records.</summary>
public enum ChangeKind
{
    /// <summary>Versions were deleted (a tombstone).</summary>
    Deleted,

    /// <summary>A version already stored was added to another collection later (its store sequence is older than the streams).</summary>
    Joined,
}

/// <summary>
/// An entry of the change log the event stream reads beside the store's own sequence: a deletion (version
/// null: every version; collection null: from the whole store) or a later collection membership.
/// </summary>
/// <param name="Stub">
/// For a deletion: the deleted version reduced to what the access gate reads to decide who may see it
/// (type, id, spec_version, created, modified, created_by_ref, markings, named recipients, the references
/// that hide an object), as compact JSON — never its content. Null for entries written before stubs were
/// kept and for deletions received without one: those go to no reader but the node itself.
/// </param>
public sealed record TombstoneRecord(long Sequence, string Id, string? Version, string? CollectionId, DateTimeOffset At, ChangeKind Kind = ChangeKind.Deleted, string? Stub = null);
