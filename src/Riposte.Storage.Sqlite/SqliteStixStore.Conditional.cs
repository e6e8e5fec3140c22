using Riposte.Stix;

namespace Riposte.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// Optimistic concurrency: BEGIN IMMEDIATE takes SQLite's write lock before the latest version is read,
    /// so no other connection — in this process or another — can add a version between the check and the write.
    /// </summary>
    public ConditionalWrite PutIfLatest(StixObject obj, string? expectedLatestVersion, string? collectionId = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeLock)
        {
            using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            var (latestVersion, latestKey) = LatestVersionOf(obj.Id, transaction);
            var expectedKey = expectedLatestVersion is null ? null : SqliteText.VersionKey(expectedLatestVersion);
            var newKey = obj.Version?.SortKey ?? "";
            if (!string.Equals(latestKey, expectedKey, StringComparison.Ordinal)
                || (latestKey is not null && string.CompareOrdinal(newKey, latestKey) <= 0))
                return new ConditionalWrite(false, latestVersion);

            var outcome = ObjectWriter.Write([obj], collectionId, NextDateAdded())[0];
            if (outcome != WriteOutcome.Added)
                return new ConditionalWrite(false, latestVersion);
            Commit(transaction, 1);
            return new ConditionalWrite(true, obj.Version?.Text);
        }
    }

    private (string? Version, string? Key) LatestVersionOf(string id, Microsoft.Data.Sqlite.SqliteTransaction transaction)
    {
        using var command = _writer.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, version_key FROM objects WHERE id = $id AND is_latest = 1";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : (null, null);
    }
}
