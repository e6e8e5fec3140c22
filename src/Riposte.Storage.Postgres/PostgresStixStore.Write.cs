using Riposte.Stix;

namespace Riposte.Storage.Postgres;

public sealed partial class PostgresStixStore
{
    public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (objects.Count == 0)
            return [];
        var prepared = PreparedObject.All(objects);
        using var write = PostgresWriteTransaction.Begin(_source, _clock.GetUtcNow());
        var outcomes = write.Write(prepared, collectionId);
        write.Commit();
        _statistics.Wrote(outcomes.Count(o => o == WriteOutcome.Added));
        return outcomes;
    }

    /// <summary>
    /// Optimistic concurrency: the write lock is taken before the latest version is read, so no other writer —
    /// in this process or another replica — can add a version between the check and the write.
    /// </summary>
    public ConditionalWrite PutIfLatest(StixObject obj, string? expectedLatestVersion, string? collectionId = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var prepared = PreparedObject.From(obj);
        using var write = PostgresWriteTransaction.Begin(_source, _clock.GetUtcNow());
        var (latestVersion, latestKey) = write.LatestVersionOf(obj.Id);
        var expectedKey = expectedLatestVersion is null ? null : VersionKeys.Of(expectedLatestVersion);
        var newKey = prepared.VersionKey;
        if (!string.Equals(latestKey, expectedKey, StringComparison.Ordinal)
            || (latestKey is not null && string.CompareOrdinal(newKey, latestKey) <= 0))
            return new ConditionalWrite(false, latestVersion);
        if (write.Write([prepared], collectionId)[0] != WriteOutcome.Added)
            return new ConditionalWrite(false, latestVersion);
        write.Commit();
        return new ConditionalWrite(true, obj.Version?.Text);
    }
}
