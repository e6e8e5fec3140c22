using System.Text;
using Microsoft.Data.Sqlite;
using Riposte.Storage.Access;
using static Riposte.Storage.Sqlite.Access.SqliteCommands;

namespace Riposte.Storage.Sqlite.Access;

/// <summary>The audit chain in SQLite. Inserts only: there is no UPDATE or DELETE here, and triggers refuse them.</summary>
public sealed class SqliteAuditRepository(SqliteAccessDatabase database) : IAuditRepository
{
    private const string Columns = "seq, at, user_id, organization_id, action, object_id, collection_id, remote_address, allowed, reason, previous_hash, hash";

    public AuditRecord Append(Func<AuditRecord?, AuditRecord> seal) => AppendAll([seal])[0];

    public IReadOnlyList<AuditRecord> AppendAll(IReadOnlyList<Func<AuditRecord?, AuditRecord>> seals)
    {
        ArgumentNullException.ThrowIfNull(seals);
        using var connection = database.Open();
        // BEGIN IMMEDIATE: the read of the chain's head and the inserts after it cannot interleave with another writer.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var last = Create(connection, $"SELECT {Columns} FROM access_audit ORDER BY seq DESC LIMIT 1");
        last.Transaction = transaction;
        AuditRecord? head = null;
        using (var reader = last.ExecuteReader())
        {
            if (reader.Read())
                head = Map(reader);
        }
        using var insert = Create(connection,
            $"INSERT INTO access_audit ({Columns}) VALUES ($seq, $at, $user, $org, $action, $object, $collection, $remote, $allowed, $reason, $prev, $hash)");
        insert.Transaction = transaction;
        var records = new AuditRecord[seals.Count];
        for (var i = 0; i < seals.Count; i++)
        {
            var entry = records[i] = seals[i](head);
            insert.Parameters.Clear();
            foreach (var (name, value) in Values(entry))
                insert.Parameters.AddWithValue(name, value ?? DBNull.Value);
            insert.ExecuteNonQuery();
            head = entry;
        }
        transaction.Commit();
        return records;
    }

    private static (string, object?)[] Values(AuditRecord entry) =>
    [
        ("$seq", entry.Sequence), ("$at", SqliteAccessDatabase.FormatTime(entry.At)), ("$user", entry.UserId), ("$org", entry.OrganizationId),
        ("$action", entry.Action), ("$object", entry.ObjectId), ("$collection", entry.CollectionId), ("$remote", entry.RemoteAddress),
        ("$allowed", entry.Allowed ? 1 : 0), ("$reason", entry.Reason), ("$prev", entry.PreviousHash), ("$hash", entry.Hash),
    ];

    public IReadOnlyList<AuditRecord> Query(AuditFilter filter)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        void Add(string column, string name, object? value, string op = "=")
        {
            if (value is null)
                return;
            where.Append(" AND ").Append(column).Append(' ').Append(op).Append(' ').Append(name);
            parameters.Add((name, value));
        }
        Add("user_id", "$user", filter.UserId);
        Add("organization_id", "$org", filter.OrganizationId);
        Add("action", "$action", filter.Action);
        Add("object_id", "$object", filter.ObjectId);
        Add("collection_id", "$collection", filter.CollectionId);
        Add("at", "$from", SqliteAccessDatabase.FormatTime(filter.From), ">=");
        Add("at", "$to", SqliteAccessDatabase.FormatTime(filter.To), "<");
        Add("allowed", "$allowed", filter.Allowed is { } a ? (a ? 1 : 0) : null);
        parameters.Add(("$limit", Math.Max(0, filter.Limit)));
        using var connection = database.Open();
        return SqliteCommands.Query(connection, $"SELECT {Columns} FROM access_audit {where} ORDER BY seq DESC LIMIT $limit", Map, [.. parameters]);
    }

    public IEnumerable<AuditRecord> ReadAll()
    {
        using var connection = database.Open();
        using var command = Create(connection, $"SELECT {Columns} FROM access_audit ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return Map(reader);
    }

    private static AuditRecord Map(SqliteDataReader r) => new(
        r.GetInt64(0), SqliteAccessDatabase.ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
        SqliteAccessDatabase.GetStringOrNull(r, 5), SqliteAccessDatabase.GetStringOrNull(r, 6), SqliteAccessDatabase.GetStringOrNull(r, 7),
        r.GetInt64(8) != 0, SqliteAccessDatabase.GetStringOrNull(r, 9), r.GetString(10), r.GetString(11));
}
