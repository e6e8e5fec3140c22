using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Storage.Postgres;

/// <summary>A version already in the database: its sequence number and the bytes stored for it.</summary>
internal readonly record struct StoredVersion(long Seq, ReadOnlyMemory<byte> Json);

/// <summary>One new row to insert: its sequence number and the object with what was derived from it.</summary>
internal sealed record NewRow(long Seq, PreparedObject Prepared)
{
    public bool IsLatest { get; set; }
}

/// <summary>
/// Decides, in memory, what a batch does to the store: each object's outcome in input order, the rows to
/// insert with their sequence numbers, which ids lose their latest flag, and the collection memberships.
/// It sees the stored versions of the batch's ids (looked up under the write lock) and the batch's own
/// earlier objects, so duplicates and several versions of one id inside a batch resolve as in SQLite.
/// </summary>
internal sealed class WritePlan
{
    private readonly Dictionary<(string Id, string Key), StoredVersion> _known;
    private readonly Dictionary<string, string> _storedLatest;

    /// <summary>For each id, the highest key seen so far and the new row holding it (null: a stored version).</summary>
    private readonly Dictionary<string, (string Key, NewRow? Row)> _latest = new(StringComparer.Ordinal);

    public WritePlan(IReadOnlyDictionary<(string Id, string Key), StoredVersion> stored, IReadOnlyDictionary<string, string> storedLatest, long lastSeq)
    {
        _known = new Dictionary<(string, string), StoredVersion>(stored);
        _storedLatest = new Dictionary<string, string>(storedLatest, StringComparer.Ordinal);
        LastSeq = lastSeq;
    }

    public List<NewRow> NewRows { get; } = [];
    public List<string> RetiredIds { get; } = [];
    public List<long> Memberships { get; } = [];
    public long LastSeq { get; private set; }

    public IReadOnlyList<WriteOutcome> Plan(IReadOnlyList<PreparedObject> objects, bool intoCollection)
    {
        var outcomes = new WriteOutcome[objects.Count];
        for (var i = 0; i < objects.Count; i++)
            outcomes[i] = PlanOne(objects[i], intoCollection);
        foreach (var (id, (_, row)) in _latest)
        {
            if (row is null)
                continue;
            row.IsLatest = true;
            if (_storedLatest.ContainsKey(id))
                RetiredIds.Add(id);
        }
        return outcomes;
    }

    private WriteOutcome PlanOne(PreparedObject prepared, bool intoCollection)
    {
        var (obj, key, json) = (prepared.Object, prepared.VersionKey, prepared.Json);
        if (_known.TryGetValue((obj.Id, key), out var existing))
        {
            // Same bytes is the fast answer; otherwise compare as JSON, where property order and
            // insignificant spelling differences do not count as different content.
            var same = json.Span.SequenceEqual(existing.Json.Span) || JsonNode.DeepEquals(JsonNode.Parse(existing.Json.Span), obj.Json);
            if (!same)
                return WriteOutcome.Conflict;
            if (intoCollection)
                Memberships.Add(existing.Seq);
            return WriteOutcome.Unchanged;
        }

        var row = new NewRow(++LastSeq, prepared);
        _known[(obj.Id, key)] = new StoredVersion(row.Seq, json);
        NewRows.Add(row);
        if (intoCollection)
            Memberships.Add(row.Seq);
        var highest = _latest.TryGetValue(obj.Id, out var seen) ? seen.Key : _storedLatest.GetValueOrDefault(obj.Id);
        if (highest is null || string.CompareOrdinal(key, highest) > 0)
            _latest[obj.Id] = (key, row);
        return WriteOutcome.Added;
    }
}
