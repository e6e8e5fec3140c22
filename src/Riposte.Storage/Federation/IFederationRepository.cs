namespace Riposte.Storage.Federation;

/// <summary>
/// The persistence seam for federation: peers and agreements, sync cursors and status, provenance of
/// received versions, and the tombstone log the event stream needs. Written once per provider.
/// </summary>
public interface IFederationRepository
{
    /// <summary>Creates or upgrades the federation tables. Safe to call on every start.</summary>
    void Migrate();

    /// <summary>This node's federation id (<c>node--&lt;uuid&gt;</c>), made once and kept.</summary>
    string NodeId();

    /// <summary>Adds a peer; false when the name is taken.</summary>
    bool AddPeer(PeerRecord peer);

    /// <summary>Replaces a peer's address, token and agreement; false when unknown.</summary>
    bool UpdatePeer(PeerRecord peer);

    /// <summary>Removes a peer with its cursors and status; false when unknown.</summary>
    bool RemovePeer(string name);

    PeerRecord? GetPeer(string name);
    IReadOnlyList<PeerRecord> ListPeers();

    /// <summary>A named cursor of a peer (the peer's own values, opaque here); null when never set.</summary>
    string? GetCursor(string peer, string name);

    void SetCursor(string peer, string name, string value);

    PeerStatusRecord GetStatus(string peer);

    /// <summary>Records a successful exchange: contact time, remote head, counts added; clears the last error.</summary>
    void RecordContact(string peer, DateTimeOffset at, string? remoteHead, long applied, long rejected, long unchanged = 0, TimeSpan? lag = null);

    void RecordError(string peer, DateTimeOffset at, string error);

    /// <summary>Records where versions came from, in one transaction; the first record of an (id, version) stands. Returns how many were new.</summary>
    int AddProvenance(IReadOnlyList<ProvenanceRecord> records);

    /// <summary>Provenance of these (id, version) pairs; pairs written locally have none.</summary>
    IReadOnlyDictionary<(string Id, string Version), ProvenanceRecord> GetProvenance(IReadOnlyCollection<(string Id, string Version)> keys);

    /// <summary>Appends a deletion and returns its sequence (1, 2, … in this log); <paramref name="stub"/>: see <see cref="TombstoneRecord.Stub"/>.</summary>
    long AddTombstone(string id, string? version, string? collectionId, DateTimeOffset at, string? stub = null);

    /// <summary>Appends, in one transaction, that these stored versions joined a collection; returns the last sequence.</summary>
    long AddJoined(IReadOnlyList<(string Id, string Version)> versions, string collectionId, DateTimeOffset at);

    /// <summary>Change-log entries (deletions and later memberships) after <paramref name="afterSequence"/>, oldest first.</summary>
    IReadOnlyList<TombstoneRecord> TombstonesAfter(long afterSequence, int limit);

    /// <summary>The newest tombstone sequence, 0 when none.</summary>
    long LastTombstone();

    /// <summary>
    /// Which of these (id, version) pairs a deletion entry names for <paramref name="collectionId"/> or for the
    /// whole store: such a version arriving later (by another path of a mesh) is not taken in again.
    /// Entries without a version (written by the first version of the log) name no version here.
    /// </summary>
    IReadOnlySet<(string Id, string Version)> DeletedAmong(string collectionId, IReadOnlyCollection<(string Id, string Version)> keys);
}
