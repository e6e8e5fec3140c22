using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Federation.Sync;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;
using Riposte.Taxii.Resources;

namespace Riposte.Federation.Stream;

/// <summary>
/// Reads a node's changes after a cursor, for one reader, through the border check: the stream
/// endpoint and the push loop both read here, so what may leave is decided the same way.
/// </summary>
public sealed class ChangeFeed(IStixStore store, IFederationRepository federation, FederationNode node, PeerDirectory peers, IOptions<FederationOptions> options)
{
    /// <param name="subscriber">The reading node's id when it says it (versions whose path holds it are not sent back).</param>
    public FeedBatch Read(BorderCheck border, Principal reader, string? subscriber, IReadOnlyList<string> collections, StreamCursor from)
    {
        var batchSize = options.Value.BatchSize;
        var (versions, bound, cut) = ReadVersions(collections, from.Sequence, batchSize);
        var events = new List<FeedEvent>();
        foreach (var (obj, path, i) in Outgoing(border, reader, subscriber, [.. versions.Select(v => v.Stored.Object)]))
            events.Add(new FeedEvent(KindOf(obj), new StreamCursor(versions[i].Stored.Sequence, from.Tombstone), obj, versions[i].Collections, path[0], path, null,
                TaxiiTimestamps.Format(versions[i].Stored.DateAdded)));

        var log = ReadLog(border, reader, subscriber, collections, from.Tombstone, bound, batchSize);
        events.AddRange(log.Events);
        // Versions of the store first, then the log's deletions and memberships in log order: their cursors
        // hold the old log position. The order does not change what a receiver ends with (IncomingApplier).
        return new FeedBatch(events, new StreamCursor(bound, log.Next.Tombstone), cut || log.More);
    }

    /// <summary>
    /// The change log alone after a log sequence — deletions and later memberships, which TAXII cannot
    /// serve — for the stream and for a peer that polls (<see cref="ChangesApi"/>). Cursors carry <paramref name="bound"/> as their store part.
    /// Both kinds pass the border: a membership by the version itself, a deletion by its stub.
    /// </summary>
    public FeedBatch ReadLog(BorderCheck border, Principal reader, string? subscriber, IReadOnlyList<string> collections, long afterLog, long bound, int limit)
    {
        var events = new List<FeedEvent>();
        var log = afterLog;
        var entries = federation.TombstonesAfter(afterLog, limit);
        var joined = new List<(TombstoneRecord Entry, StixObject Object)>();
        var deletions = new List<(TombstoneRecord Entry, IReadOnlyList<string> Within)>();
        foreach (var entry in entries)
        {
            log = entry.Sequence;
            if (entry.CollectionId is not null && !collections.Contains(entry.CollectionId, StringComparer.Ordinal))
                continue;
            if (entry.Kind == ChangeKind.Joined)
            {
                // Gone since it joined: its deletion follows in the log.
                if (store.GetVersion(entry.Id, entry.Version ?? "") is { } stored)
                    joined.Add((entry, stored.Object));
                continue;
            }
            deletions.Add((entry, entry.CollectionId is null ? collections : [entry.CollectionId]));
        }
        foreach (var (obj, path, i) in Outgoing(border, reader, subscriber, [.. joined.Select(j => j.Object)]))
            events.Add(new FeedEvent(KindOf(obj), new StreamCursor(bound, joined[i].Entry.Sequence), obj, [joined[i].Entry.CollectionId!], path[0], path, null));
        // Deletions are judged last: the gate remembers the markings of the versions it judged, and a deleted
        // version must not stand for its id while this batch's stored versions are judged.
        foreach (var (entry, within) in VisibleDeletions(border, reader, deletions))
            events.Add(new FeedEvent(FeedEventKind.Deleted, new StreamCursor(bound, entry.Sequence), null, within, null, [], entry));
        return new FeedBatch([.. events.OrderBy(e => e.Cursor.Tombstone)], new StreamCursor(bound, log), entries.Count == limit);
    }

    /// <summary>
    /// The deletions this reader may learn of: those whose stub the border lets out to it (the same decision
    /// as for the version), each carrying the stub as shown; and those it knew the version of already — its
    /// organisation created it, or the version came here through its node — which tell it nothing new, so
    /// the agreement's ceiling does not stop them (else a holder would keep a version deleted elsewhere).
    /// A deletion without a stub (logged before stubs were kept, or received from a node that sent none)
    /// cannot be judged, so it goes to the node itself only.
    /// </summary>
    private List<(TombstoneRecord Entry, IReadOnlyList<string> Within)> VisibleDeletions(
        BorderCheck border, Principal reader, List<(TombstoneRecord Entry, IReadOnlyList<string> Within)> deletions)
    {
        var visible = new List<(TombstoneRecord, IReadOnlyList<string>)>();
        if (deletions.Count == 0)
            return visible;
        var stubs = deletions.Select(d => DeletionStub.Read(d.Entry.Stub)).ToList();
        var judged = stubs.OfType<StixObject>().ToList();
        var shown = judged.Count == 0 ? [] : border.Outgoing(reader, judged);
        var next = 0;
        HashSet<(string, string)>? cameThrough = null;
        for (var i = 0; i < deletions.Count; i++)
        {
            var (entry, within) = deletions[i];
            if (stubs[i] is not { } stub)
            {
                if (reader.IsSystem)
                    visible.Add((entry with { Stub = null }, within));
                continue;
            }
            if (shown[next++] is { } seen)
                visible.Add((ReferenceEquals(seen, stub) ? entry : entry with { Stub = DeletionStub.Text(seen) }, within));
            else if (string.Equals(stub.CreatedByRef, reader.OrganizationId, StringComparison.Ordinal)
                || (cameThrough ??= CameThroughReadersNode(reader, deletions)).Contains((entry.Id, entry.Version ?? "")))
                visible.Add((entry, within));
        }
        return visible;
    }

    /// <summary>
    /// Which deleted versions came to this node through the reader's node (per the provenance recorded here,
    /// and the node id this node learnt by connecting to that peer — never what a reader says of itself).
    /// </summary>
    private HashSet<(string Id, string Version)> CameThroughReadersNode(Principal reader, List<(TombstoneRecord Entry, IReadOnlyList<string> Within)> deletions)
    {
        var found = new HashSet<(string, string)>();
        if (peers.ForOrganization(reader.OrganizationId) is not { } peer || federation.GetCursor(peer.Name, PeerLink.PeerNodeCursorName) is not { } peerNode)
            return found;
        var keys = deletions.Where(d => d.Entry.Version is not null).Select(d => (d.Entry.Id, d.Entry.Version!)).ToList();
        foreach (var (key, provenance) in federation.GetProvenance(keys))
        {
            if (provenance.Path.Contains(peerNode, StringComparer.Ordinal))
                found.Add(key);
        }
        return found;
    }

    /// <summary>The versions the border lets out to this reader, with their paths; versions whose path holds the subscriber are not sent back.</summary>
    internal IEnumerable<(StixObject Object, IReadOnlyList<string> Path, int Index)> Outgoing(BorderCheck border, Principal reader, string? subscriber, IReadOnlyList<StixObject> objects)
    {
        if (objects.Count == 0)
            yield break;
        var shown = border.Outgoing(reader, objects);
        var provenance = federation.GetProvenance([.. objects.Select(Key)]);
        for (var i = 0; i < objects.Count; i++)
        {
            if (shown[i] is not { } obj)
                continue;
            IReadOnlyList<string> path = provenance.TryGetValue(Key(obj), out var record) ? record.Path : [node.Id];
            if (subscriber is not null && path.Contains(subscriber, StringComparer.Ordinal))
                continue;
            yield return (obj, path, i);
        }
    }

    private static FeedEventKind KindOf(StixObject obj) =>
        obj.Modified is { } modified && obj.Created is { } created && modified.Text != created.Text ? FeedEventKind.Updated : FeedEventKind.Created;

    /// <summary>
    /// Versions after a sequence in any of the collections, merged in sequence order. A collection that
    /// filled its batch limits how far this batch may go, so nothing between is skipped.
    /// </summary>
    private (List<(StoredObject Stored, IReadOnlyList<string> Collections)> Versions, long Bound, bool Cut) ReadVersions(IReadOnlyList<string> collections, long after, int batchSize)
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
        return (versions, next, bound != long.MaxValue);
    }

    private static (string Id, string Version) Key(StixObject obj) => (obj.Id, obj.Version?.Text ?? "");
}
