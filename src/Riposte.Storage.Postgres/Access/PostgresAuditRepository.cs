using System.Text;
using Npgsql;
using Riposte.Storage.Access;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Access;

/// <summary>
/// The audit chain in PostgreSQL. Inserts only: there is no UPDATE or DELETE here, and triggers refuse them.
/// Each replica's AuditLog batches its own appends (group commit); across replicas a transaction-level
/// advisory lock serialises the read of the chain's head with the inserts after it, so two replicas
/// never seal entries after the same head (the chain cannot fork).
/// </summary>
public sealed class PostgresAuditRepository(NpgsqlDataSource source) : IAuditRepository
{
    /// <summary>The advisory lock key of the chain's head ("AUDITLOG" in ASCII).</summary>
    private const long ChainLock = 0x41554449544C4F47;

    private const string Columns = "seq, at, user_id, organization_id, action, object_id, collection_id, remote_address, allowed, reason, previous_hash, hash";

    public AuditRecord Append(Func<AuditRecord?, AuditRecord> seal) => AppendAll([seal])[0];

    public IReadOnlyList<AuditRecord> AppendAll(IReadOnlyList<Func<AuditRecord?, AuditRecord>> seals)
    {
        ArgumentNullException.ThrowIfNull(seals);
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var lockChain = Create(connection, "SELECT pg_advisory_xact_lock(@key)", ("key", ChainLock)))
            lockChain.ExecuteNonQuery();
        AuditRecord? head;
        using (var last = Create(connection, $"SELECT {Columns} FROM access_audit ORDER BY seq DESC LIMIT 1"))
        using (var reader = last.ExecuteReader())
            head = reader.Read() ? Map(reader) : null;
        var records = new AuditRecord[seals.Count];
        // One round trip for the whole batch.
        using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < seals.Count; i++)
        {
            var entry = records[i] = seals[i](head);
            var insert = new NpgsqlBatchCommand(
                $"INSERT INTO access_audit ({Columns}) VALUES (@seq, @at, @user, @org, @action, @object, @collection, @remote, @allowed, @reason, @prev, @hash)");
            foreach (var (name, value) in Values(entry))
                insert.Parameters.Add(Parameter(name, value));
            batch.BatchCommands.Add(insert);
            head = entry;
        }
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
        transaction.Commit();
        return records;
    }

    private static (string, object?)[] Values(AuditRecord entry) =>
    [
        ("seq", entry.Sequence), ("at", FormatTime(entry.At)), ("user", entry.UserId), ("org", entry.OrganizationId),
        ("action", entry.Action), ("object", entry.ObjectId), ("collection", entry.CollectionId), ("remote", entry.RemoteAddress),
        ("allowed", entry.Allowed), ("reason", entry.Reason), ("prev", entry.PreviousHash), ("hash", entry.Hash),
    ];

    public IReadOnlyList<AuditRecord> Query(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder("WHERE true");
        var parameters = new List<(string, object?)>();
        void Add(string column, string name, object? value, string op = "=")
        {
            if (value is null)
                return;
            where.Append(" AND ").Append(column).Append(' ').Append(op).Append(" @").Append(name);
            parameters.Add((name, value));
        }
        Add("user_id", "user", filter.UserId);
        Add("organization_id", "org", filter.OrganizationId);
        Add("action", "action", filter.Action);
        Add("object_id", "object", filter.ObjectId);
        Add("collection_id", "collection", filter.CollectionId);
        Add("at", "from", FormatTime(filter.From), ">=");
        Add("at", "to", FormatTime(filter.To), "<");
        Add("allowed", "allowed", filter.Allowed);
        parameters.Add(("limit", Math.Max(0, filter.Limit)));
        using var connection = source.OpenConnection();
        return Schema.PostgresCommands.Query(connection, $"SELECT {Columns} FROM access_audit {where} ORDER BY seq DESC LIMIT @limit", Map, [.. parameters]);
    }

    public IEnumerable<AuditRecord> ReadAll()
    {
        using var connection = source.OpenConnection();
        using var command = Create(connection, $"SELECT {Columns} FROM access_audit ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return Map(reader);
    }

    private static AuditRecord Map(NpgsqlDataReader r) => new(
        r.GetInt64(0), ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
        TextOrNull(r, 5), TextOrNull(r, 6), TextOrNull(r, 7), r.GetBoolean(8), TextOrNull(r, 9), r.GetString(10), r.GetString(11));
}
