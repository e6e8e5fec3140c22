using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Stream;

/// <summary>
/// Reads a node's changes after a cursor, for one reader, through the border check: the stream
/// endpoint and the push loop both read here, so what may leave is decided the same way.
/// </summary>
public sealed class ChangeFeed(IStixStore store, IFederationRepository federation, FederationNode node, IOptions<FederationOptions> options)
{
    /// <param name="subscriber">The reading node's id when it says it (versions whose path holds it are not sent back).</param>
    public FeedBatch Read(BorderCheck border, Principal reader, PeerRecord? agreement, string? subscriber, IReadOnlyList<string> collections, StreamCursor from)
    {
        var batchSize = options.Value.BatchSize;
        var (versions, bound) = ReadVersions(collections, from.Sequence, batchSize);
        var events = new List<FeedEvent>();
        if (versions.Count > 0)
        {
            var shown = border.Outgoing(reader, agreement, [.. versions.Select(v => v.Stored.Object)]);
            var provenance = federation.GetProvenance([.. versions.Select(v => Key(v.Stored.Object))]);
            for (var i = 0; i < versions.Count; i++)
            {
                if (shown[i] is not { } obj)
                    continue;
                var path = provenance.TryGetValue(Key(obj), out var record) ? record.Path : [node.Id];
                if (subscriber is not null && path.Contains(subscriber, StringComparer.Ordinal))
                    continue;
                var kind = obj.Modified is { } modified && obj.Created is { } created && modified.Text != created.Text ? FeedEventKind.Updated : FeedEventKind.Created;
                events.Add(new FeedEvent(kind, new StreamCursor(versions[i].Stored.Sequence, from.Tombstone), obj, versions[i].Collections, path[0], path, null));
            }
        }

        var tombstone = from.Tombstone;
        foreach (var deletion in federation.TombstonesAfter(from.Tombstone, batchSize))
        {
            tombstone = deletion.Sequence;
            if (deletion.CollectionId is not null && !collections.Contains(deletion.CollectionId, StringComparer.Ordinal))
                continue;
            var within = deletion.CollectionId is null ? collections : [deletion.CollectionId];
            events.Add(new FeedEvent(FeedEventKind.Deleted, new StreamCursor(bound, deletion.Sequence), null, within, null, [], deletion));
        }
        return new FeedBatch(events, new StreamCursor(bound, tombstone));
    }

    /// <summary>
    /// Versions after a sequence in any of the collections, merged in sequence order. A collection that
    /// filled its batch limits how far this batch may go, so nothing between is skipped.
    /// </summary>
    private (List<(StoredObject Stored, IReadOnlyList<string> Collections)> Versions, long Bound) ReadVersions(IReadOnlyList<string> collections, long after, int batchSize)
    {
        var bySequence = new SortedDictionary<long, (StoredObject Stored, List<string> Collections)>();
        var bound = long.MaxValue;
        foreach (var collection in collections)
        {
            var page = store.Query(new StixQuery { CollectionId = collection, AfterSequence = after, Versions = VersionFilter.All, Limit = batchSize }).ToList();
            if (page.Count == batchSize)
                bound = Math.Min(bound, page[^1].Sequence);
            foreach (var stored in page)
            {
                if (bySequence.TryGetValue(stored.Sequence, out var entry))
                    entry.Collections.Add(collection);
                else
                    bySequence[stored.Sequence] = (stored, [collection]);
            }
        }
        var versions = bySequence.Values.Where(v => v.Stored.Sequence <= bound).Select(v => (v.Stored, (IReadOnlyList<string>)v.Collections)).ToList();
        var next = bound != long.MaxValue ? bound : versions.Count > 0 ? versions[^1].Stored.Sequence : after;
        return (versions, next);
    }

    private static (string Id, string Version) Key(StixObject obj) => (obj.Id, obj.Version?.Text ?? "");
}
