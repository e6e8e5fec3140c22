using Riposte.Stix;

namespace Riposte.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    public int Delete(string id, string? version = null, string? collectionId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeLock)
        {
            using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            _writer.Transaction = transaction;
            try
            {
                var deleted = collectionId is null ? DeleteVersions(id, version) : LeaveCollection(id, version, collectionId);
                Commit(transaction, deleted);
                return deleted;
            }
            finally
            {
                _writer.Transaction = null;
            }
        }
    }

    private int LeaveCollection(string id, string? version, string collectionId)
    {
        var command = _writer.Command($"""
            DELETE FROM collection_objects WHERE collection_id = $collection
              AND seq IN (SELECT seq FROM objects WHERE id = $id {(version is null ? "" : "AND version_key = $key")})
            """);
        command.Parameters.AddWithValue("$collection", collectionId);
        command.Parameters.AddWithValue("$id", id);
        if (version is not null)
            command.Parameters.AddWithValue("$key", SqliteText.VersionKey(version));
        return command.ExecuteNonQuery();
    }

    /// <summary>Removes versions with all their index rows (found again from the stored JSON), then re-elects the latest.</summary>
    private int DeleteVersions(string id, string? version)
    {
        var select = _writer.Command($"SELECT seq, json FROM objects WHERE id = $id {(version is null ? "" : "AND version_key = $key")}");
        select.Parameters.AddWithValue("$id", id);
        if (version is not null)
            select.Parameters.AddWithValue("$key", SqliteText.VersionKey(version));
        var victims = new List<(long Seq, IndexTerms Terms)>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var json = reader.GetFieldValue<byte[]>(1);
                victims.Add((reader.GetInt64(0), IndexTerms.From(json)));
            }
        }
        foreach (var (seq, terms) in victims)
        {
            foreach (var marking in terms.Markings)
                Execute("DELETE FROM markings WHERE marking_ref = $v AND seq = $seq", marking, seq);
            foreach (var label in terms.Labels)
                Execute("DELETE FROM labels WHERE label = $v AND seq = $seq", label, seq);
            foreach (var external in terms.ExternalIds)
                Execute("DELETE FROM external_ids WHERE external_id = $v AND seq = $seq", external.Id, seq);
            foreach (var reference in terms.References)
                Execute("DELETE FROM refs WHERE target_id = $v AND seq = $seq", reference.TargetId, seq);
            Execute("DELETE FROM object_text WHERE rowid = $seq", null, seq);
            Execute("DELETE FROM collection_objects WHERE seq = $seq", null, seq);
            Execute("DELETE FROM objects WHERE seq = $seq", null, seq);
        }
        if (victims.Count > 0)
        {
            var relatest = _writer.Command("""
                UPDATE objects SET is_latest = (version_key = (SELECT max(version_key) FROM objects WHERE id = $id))
                WHERE id = $id
                """);
            relatest.Parameters.AddWithValue("$id", id);
            relatest.ExecuteNonQuery();
        }
        return victims.Count;
    }

    private void Execute(string sql, string? value, long seq)
    {
        var command = _writer.Command(sql);
        if (value is not null)
            command.Parameters.AddWithValue("$v", value);
        command.Parameters.AddWithValue("$seq", seq);
        command.ExecuteNonQuery();
    }
}
