using Microsoft.Extensions.DependencyInjection;
using Riposte.Federation.Border;
using Riposte.Federation.Stream;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>What one batch of received events did here.</summary>
public readonly record struct ApplyResult(int Added, int Unchanged, int Rejected, int Conflicts, int Deleted)
{
    /// <summary>The counts of both batches.</summary>
    public ApplyResult Plus(ApplyResult other) =>
        new(Added + other.Added, Unchanged + other.Unchanged, Rejected + other.Rejected, Conflicts + other.Conflicts, Deleted + other.Deleted);
}

/// <summary>
/// Applies received versions and deletions: the agreement and the border check decide what enters;
/// provenance is written before the version so this node's own stream never sends it back; the
/// store's idempotent Put makes a second arrival of an (id, version) a no-op, and keeps every version.
/// A deletion is kept as a tombstone even when nothing here was deleted, and a version arriving after its
/// deletion is not taken in: so the result is the same whatever the order the two arrive in, by one path or two.
/// </summary>
public sealed class IncomingApplier(IStixStore store, IFederationRepository federation, FederationNode node, ChangeSignal signal, IServiceScopeFactory scopes, TimeProvider time)
{
    // Peers' loops apply at once: a tombstone checked before a Put must still be absent when the Put lands.
    private readonly Lock _arrivals = new();

    public ApplyResult Apply(PeerRecord peer, IReadOnlyList<ReceivedEvent> events)
    {
        using var scope = scopes.CreateScope();
        var border = scope.ServiceProvider.GetRequiredService<BorderCheck>();
        var pending = new Dictionary<string, List<StixObject>>(StringComparer.Ordinal);
        var provenance = new List<ProvenanceRecord>();
        int added = 0, unchanged = 0, rejected = 0, conflicts = 0, deleted = 0;
        var now = time.GetUtcNow();

        foreach (var received in events)
        {
            var targets = received.Collections.Where(c => peer.InCollections.Contains(c, StringComparer.Ordinal)).ToList();
            if (received.Kind == FeedEventKind.Deleted)
            {
                Flush();
                // Deletions stay within the agreed collections: what this node holds from elsewhere is not touched.
                foreach (var collection in targets)
                    deleted += Delete(received, collection, now);
                continue;
            }
            var obj = received.Object!;
            // Its own version coming back round a mesh (possible by TAXII polling): nothing to do.
            if (received.Path.Contains(node.Id, StringComparer.Ordinal))
            {
                unchanged++;
                continue;
            }
            if (targets.Count == 0 || !border.Incoming(peer, obj))
            {
                rejected++;
                continue;
            }
            var path = received.Path.Count == 0 ? new[] { "peer:" + peer.Name, node.Id } : [.. received.Path, node.Id];
            provenance.Add(new ProvenanceRecord(obj.Id, obj.Version?.Text ?? "", received.Origin ?? path[0], path, peer.Name, now));
            foreach (var collection in targets)
            {
                if (!pending.TryGetValue(collection, out var list))
                    pending[collection] = list = [];
                list.Add(obj);
            }
        }
        Flush();
        return new ApplyResult(added, unchanged, rejected, conflicts, deleted);

        void Flush()
        {
            federation.AddProvenance(provenance);
            provenance.Clear();
            foreach (var (collection, arrived) in pending)
            {
                foreach (var outcome in PutUnlessDeleted(arrived, collection))
                {
                    switch (outcome)
                    {
                        case WriteOutcome.Added: added++; break;
                        case WriteOutcome.Unchanged: unchanged++; break;
                        default: conflicts++; break;
                    }
                }
            }
            pending.Clear();
        }
    }

    /// <summary>Stores the versions a deletion here has not named; those it has count as unchanged (as good as held and deleted again).</summary>
    private IEnumerable<WriteOutcome> PutUnlessDeleted(List<StixObject> arrived, string collection)
    {
        lock (_arrivals)
        {
            var buried = federation.DeletedAmong(collection, [.. arrived.Select(Key)]);
            var objects = arrived.Where(o => !buried.Contains(Key(o))).ToList();
            var outcomes = objects.Count == 0 ? [] : store.Put(objects, collection);
            return [.. outcomes, .. Enumerable.Repeat(WriteOutcome.Unchanged, arrived.Count - objects.Count)];
        }
    }

    /// <summary>
    /// Deletes a version from a collection (the store logs what it deleted, with its stub). When nothing was
    /// held, the deletion is logged here all the same, once, with the stub received, so the version is refused
    /// if it comes later and the nodes behind this one that may see it learn of the deletion too; a deletion
    /// already known ends its trip here.
    /// </summary>
    private int Delete(ReceivedEvent deletion, string collection, DateTimeOffset now)
    {
        var (id, version) = (deletion.Id, deletion.Version);
        lock (_arrivals)
        {
            var deleted = store.Delete(id, version, collection);
            // Without a version (sent by a node of the first version) there is nothing to keep: only what is held is deleted.
            if (deleted == 0 && version is not null && federation.DeletedAmong(collection, [(id, version)]).Count == 0)
            {
                federation.AddTombstone(id, version, collection, now, deletion.Stub is { } stub ? DeletionStub.Text(stub) : null);
                signal.Pulse();
            }
            return deleted;
        }
    }

    private static (string Id, string Version) Key(StixObject obj) => (obj.Id, obj.Version?.Text ?? "");
}
