using Microsoft.Extensions.DependencyInjection;
using Riposte.Federation.Border;
using Riposte.Federation.Stream;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>What one batch of received events did here.</summary>
public readonly record struct ApplyResult(int Added, int Unchanged, int Rejected, int Conflicts, int Deleted);

/// <summary>
/// Applies received versions and deletions: the agreement and the border check decide what enters;
/// provenance is written before the version so this node's own stream never sends it back; the
/// store's idempotent Put makes a second arrival of an (id, version) a no-op, and keeps every version.
/// </summary>
public sealed class IncomingApplier(IStixStore store, IFederationRepository federation, FederationNode node, IServiceScopeFactory scopes, TimeProvider time)
{
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
                    deleted += store.Delete(received.Id, received.Version, collection);
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
            foreach (var (collection, objects) in pending)
            {
                foreach (var outcome in store.Put(objects, collection))
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
}
