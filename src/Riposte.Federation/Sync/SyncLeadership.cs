using Riposte.Storage;

namespace Riposte.Federation.Sync;

/// <summary>
/// Whether this process runs the node's peer sync. Replicas of one node share a database: only the holder
/// of its leader lease syncs, so each peer is pulled and pushed once, not once per replica. Without a lease
/// (SQLite: one process is the whole node) this process always leads.
/// </summary>
public sealed class SyncLeadership(ILeaderLease? lease) : IDisposable
{
    /// <summary>The lease name replicas compete for.</summary>
    public const string LeaseName = "federation-sync";

    /// <summary>Takes or keeps the lease; false while another replica holds it.</summary>
    public bool TryLead() => lease?.TryAcquire() ?? true;

    /// <summary>Whether this process led at its last check.</summary>
    public bool IsLeader => lease?.IsHeld ?? true;

    public void Dispose() => lease?.Dispose();
}
