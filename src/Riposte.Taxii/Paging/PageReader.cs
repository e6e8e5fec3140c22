using Riposte.Access;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Taxii.Filtering;

namespace Riposte.Taxii.Paging;

/// <summary>One object of a page: as stored (sequence, date_added) and as the reader may see it.</summary>
public sealed record PageItem(StoredObject Stored, StixObject Shown);

/// <summary>A page of objects in store insertion order.</summary>
/// <param name="ResumeAfter">The sequence the next page starts after (meaningful when <paramref name="More"/>).</param>
public sealed record Page(IReadOnlyList<PageItem> Items, bool More, long ResumeAfter);

/// <summary>
/// Reads pages for one principal: every object passes the access gate, and the cursor is the store's
/// insertion sequence, so objects added while a client pages are neither skipped nor repeated.
/// Objects the reader may not see are skipped without a trace; the scan per page is bounded so a
/// collection full of hidden objects cannot make one request unbounded.
/// </summary>
public sealed class PageReader(IStixStore store, IAccessGate gate)
{
    private const int MinimumBatch = 64;
    private const int MaximumBatch = 2001;

    public Page Read(Principal principal, StixQuery query, int limit, long? after, VersionMatch versions)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(versions);
        var storeQuery = WithVersions(query, versions);
        var keep = versions.IsSimple ? null : new CompositeVersionCheck(store, query.CollectionId, versions);
        var scanBudget = Math.Max(limit * 20L, 20_000L);
        var items = new List<PageItem>(Math.Min(limit, 1024));
        var cursor = after;
        long consumed = after ?? 0;
        long scanned = 0;
        var batchSize = (int)Math.Clamp(limit + 1L, MinimumBatch, MaximumBatch);

        while (true)
        {
            var batch = store.Query(storeQuery with { AfterSequence = cursor, Limit = batchSize }).ToList();
            // One gate call per batch: the gate looks up the objects they reference in bulk.
            var candidates = keep is null ? batch : batch.Where(keep.Matches).ToList();
            var shownAll = gate.ForReader(principal, candidates.Select(s => s.Object).ToList());
            var shownBySequence = new Dictionary<long, StixObject?>(candidates.Count);
            for (var i = 0; i < candidates.Count; i++)
                shownBySequence[candidates[i].Sequence] = shownAll[i];
            foreach (var stored in batch)
            {
                cursor = stored.Sequence;
                var shown = shownBySequence.GetValueOrDefault(stored.Sequence);
                if (items.Count == limit)
                {
                    if (shown is not null)
                        return new Page(items, true, consumed);
                    continue;
                }
                consumed = stored.Sequence;
                if (shown is not null)
                    items.Add(new PageItem(stored, shown));
            }
            scanned += batch.Count;
            if (batch.Count < batchSize)
                return new Page(items, false, consumed);
            if (scanned >= scanBudget)
            {
                // Stop scanning; the client resumes from here. Rows peeked past a full page were not consumed.
                return new Page(items, true, consumed);
            }
            // A batch of mostly hidden objects: read further in larger steps.
            batchSize = Math.Min(batchSize * 2, MaximumBatch);
        }
    }

    private static StixQuery WithVersions(StixQuery query, VersionMatch versions)
    {
        if (versions.All || !versions.IsSimple)
            return query with { Versions = VersionFilter.All, ExactVersions = [] };
        if (versions.Timestamps.Count > 0)
            return query with { Versions = VersionFilter.Exact, ExactVersions = versions.Timestamps.Select(t => t.Text).ToList() };
        return query with { Versions = versions.First ? VersionFilter.First : VersionFilter.Latest, ExactVersions = [] };
    }

    /// <summary>
    /// A mix such as <c>first,last</c> or <c>last,2016-01-01T00:00:00Z</c>: all versions are read and
    /// each is kept when it is one of those asked for. Rare, so first/last are looked up per object.
    /// </summary>
    private sealed class CompositeVersionCheck(IStixStore store, string? collectionId, VersionMatch versions)
    {
        private readonly Dictionary<string, (long? First, long? Last)> _bounds = new(StringComparer.Ordinal);

        public bool Matches(StoredObject stored)
        {
            var version = stored.Object.Version;
            if (version is { } v && versions.Timestamps.Any(t => t.SortKey == v.SortKey))
                return true;
            if (!versions.First && !versions.Last)
                return false;
            var (first, last) = Bounds(stored.Object.Id);
            return (versions.First && first == stored.Sequence) || (versions.Last && last == stored.Sequence);
        }

        private (long? First, long? Last) Bounds(string id)
        {
            if (_bounds.TryGetValue(id, out var known))
                return known;
            var one = new StixQuery { Ids = [id], CollectionId = collectionId, Limit = 1 };
            var first = store.Query(one with { Versions = VersionFilter.First }).FirstOrDefault()?.Sequence;
            var last = store.Query(one with { Versions = VersionFilter.Latest }).FirstOrDefault()?.Sequence;
            return _bounds[id] = (first, last);
        }
    }
}
