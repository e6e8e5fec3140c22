using Npgsql;
using Riposte.Stix;

namespace Riposte.Storage.Postgres;

/// <summary>
/// One write transaction on the store. It begins by locking the single <c>stix_write_state</c> row and keeps
/// that lock until it commits or rolls back, so writers — in this process or in other replicas — take turns:
/// sequence numbers and date_added are handed out in commit order. A pager that has read up to sequence N
/// (or date_added T) therefore never meets a later commit with a smaller number: none is skipped.
/// </summary>
internal sealed class PostgresWriteTransaction : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private long _lastSeq;

    private PostgresWriteTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>When this transaction's objects reach the store: after every earlier commit's, never before.</summary>
    public DateTimeOffset DateAdded { get; private set; }

    /// <summary>Opens a connection, begins and takes the write lock, stamping this transaction's date_added.</summary>
    public static PostgresWriteTransaction Begin(NpgsqlDataSource source, DateTimeOffset now)
    {
        var connection = source.OpenConnection();
        try
        {
            var write = new PostgresWriteTransaction(connection, connection.BeginTransaction());
            using var command = write.Command("""
                UPDATE stix_write_state SET last_date_added = greatest(@now, last_date_added + interval '1 microsecond')
                RETURNING last_seq, last_date_added
                """);
            command.Parameters.AddWithValue("now", PostgresInstants.Truncate(now));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
                throw new InvalidOperationException("the store's write-state row is missing: run the migrations (riposte migrate)");
            write._lastSeq = reader.GetInt64(0);
            write.DateAdded = reader.GetFieldValue<DateTimeOffset>(1);
            return write;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The latest stored version of an id (text and key), read under the lock.</summary>
    public (string? Version, string? Key) LatestVersionOf(string id)
    {
        using var command = Command("SELECT version, version_key FROM stix_objects WHERE id = @id AND is_latest");
        command.Parameters.AddWithValue("id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : (null, null);
    }

    /// <summary>Plans the batch against what is stored and writes it in one round trip; commit separately.</summary>
    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<PreparedObject> objects, string? collectionId)
    {
        var (stored, storedLatest) = Lookup(objects);
        var plan = new WritePlan(stored, storedLatest, _lastSeq);
        var outcomes = plan.Plan(objects, collectionId is not null);
        using var batch = Batch();
        if (plan.RetiredIds.Count > 0)
            Add(batch, "UPDATE stix_objects SET is_latest = false WHERE id = ANY(@ids) AND is_latest", ("ids", plan.RetiredIds.ToArray()));
        if (plan.NewRows.Count > 0)
            PostgresRowWriter.AddInserts(batch, plan.NewRows, DateAdded);
        if (collectionId is not null && plan.Memberships.Count > 0)
        {
            Add(batch, "INSERT INTO stix_collection_objects (collection_id, seq) SELECT @collection, unnest(@seqs) ON CONFLICT DO NOTHING",
                ("collection", collectionId), ("seqs", plan.Memberships.ToArray()));
        }
        if (plan.LastSeq != _lastSeq)
            Add(batch, "UPDATE stix_write_state SET last_seq = @seq", ("seq", plan.LastSeq));
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
        _lastSeq = plan.LastSeq;
        return outcomes;
    }

    public NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    public NpgsqlBatch Batch() => new(_connection, _transaction);

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    /// <summary>The stored versions the batch names exactly, and the latest stored key of each of its ids.</summary>
    private (Dictionary<(string, string), StoredVersion>, Dictionary<string, string>) Lookup(IReadOnlyList<PreparedObject> objects)
    {
        var ids = new string[objects.Count];
        var keys = new string[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            ids[i] = objects[i].Object.Id;
            keys[i] = objects[i].VersionKey;
        }
        var stored = new Dictionary<(string, string), StoredVersion>();
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        using var batch = Batch();
        Add(batch, """
            SELECT o.id, o.version_key, o.seq, o.json FROM stix_objects o
            JOIN (SELECT DISTINCT * FROM unnest(@ids, @keys)) AS k(id, version_key) ON o.id = k.id AND o.version_key = k.version_key
            """, ("ids", ids), ("keys", keys));
        Add(batch, "SELECT id, version_key FROM stix_objects WHERE id = ANY(@ids) AND is_latest", ("ids", ids.Distinct(StringComparer.Ordinal).ToArray()));
        using var reader = batch.ExecuteReader();
        while (reader.Read())
            stored[(reader.GetString(0), reader.GetString(1))] = new StoredVersion(reader.GetInt64(2), reader.GetFieldValue<byte[]>(3));
        reader.NextResult();
        while (reader.Read())
            latest[reader.GetString(0)] = reader.GetString(1);
        return (stored, latest);
    }

    internal static void Add(NpgsqlBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.Add(new NpgsqlParameter(name, value));
        batch.BatchCommands.Add(command);
    }
}
