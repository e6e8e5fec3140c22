using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Access.Markings;

/// <summary>
/// The markings of objects that other objects reference, for one request. A referenced object is
/// judged by its latest stored version, or by the version the request itself is handling (the reader
/// is being shown or denied that very version); when a request handles several versions of one id,
/// the store decides.
/// </summary>
internal sealed class ReferencedMarkings(IStixStore store, AccessOptions options)
{
    // Bounds memory when one gate is (wrongly) kept for a long time.
    private const int MaxEntries = 100_000;

    // Ids per bulk lookup: well under SQLite's bound-parameter limit.
    private const int Chunk = 500;

    private const string AmbiguousVersion = "\0several versions";

    // A plain dictionary under a lock: a gate serves one request, so the lock is uncontended, and unlike
    // ConcurrentDictionary.Count (which takes every bucket lock) nothing here costs more than a look-up.
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Records the version of an object that the request is handling.</summary>
    public void Seen(StixObject obj, MarkingSummary marking)
    {
        var version = obj.Version?.Text ?? "";
        lock (_lock)
        {
            if (_entries.Count >= MaxEntries)
                return;
            if (!_entries.TryGetValue(obj.Id, out var known))
                _entries.Add(obj.Id, new Entry(marking, version));
            else if (!known.FromStore && known.SeenVersion != version)
                _entries[obj.Id] = new Entry(null, AmbiguousVersion);
        }
    }

    public bool IsKnown(string id)
    {
        lock (_lock)
            return _entries.TryGetValue(id, out var entry) && !entry.IsAmbiguous;
    }

    /// <summary>The markings to judge a reference by; null when this store does not hold the object.</summary>
    public MarkingSummary? Get(string id)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var entry) && !entry.IsAmbiguous)
                return entry.Marking;
        }
        var marking = store.GetLatest(id) is { } stored ? MarkingSummary.Of(stored.Object, options) : null;
        Remember(id, marking);
        return marking;
    }

    /// <summary>Looks up the latest versions of these ids in a few store queries.</summary>
    public void Prefetch(IReadOnlyCollection<string> ids)
    {
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stored in store.Query(new StixQuery { Ids = chunk, Versions = VersionFilter.Latest }))
            {
                Remember(stored.Object.Id, MarkingSummary.Of(stored.Object, options));
                found.Add(stored.Object.Id);
            }
            foreach (var id in chunk)
            {
                if (!found.Contains(id))
                    Remember(id, null);
            }
        }
    }

    private void Remember(string id, MarkingSummary? marking)
    {
        lock (_lock)
        {
            if (_entries.Count >= MaxEntries)
                _entries.Clear();
            _entries[id] = new Entry(marking, null);
        }
    }

    /// <param name="SeenVersion">The version handled in this request; null when the entry came from the store.</param>
    private readonly record struct Entry(MarkingSummary? Marking, string? SeenVersion)
    {
        public bool FromStore => SeenVersion is null;
        public bool IsAmbiguous => SeenVersion == AmbiguousVersion;
    }
}
