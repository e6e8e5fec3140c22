using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;
using Riposte.Storage.Sqlite.Access;

namespace Riposte.Storage.Sqlite.Federation;

/// <summary>Federation persistence over one SQLite database (it may be the node's store file).</summary>
public sealed class SqliteFederationRepository(SqliteAccessDatabase database) : IFederationRepository
{
    private const string PeerColumns = "name, url, organization_id, protected_token, out_collections, in_collections, out_max, in_max, push, created";

    /// <summary>A repository over a database file, created when missing.</summary>
    public static SqliteFederationRepository ForFile(string path) => new(SqliteAccessDatabase.ForFile(path));

    public void Migrate()
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteFederationSchema.Script;
        command.ExecuteNonQuery();
        transaction.Commit();
        // Files made by the first version: every log entry then was a deletion, and duplicates were not counted.
        AddColumnIfMissing(connection, "federation_tombstone", "kind", "TEXT NOT NULL DEFAULT 'Deleted'");
        AddColumnIfMissing(connection, "federation_status", "unchanged", "INTEGER NOT NULL DEFAULT 0");
        AddColumnIfMissing(connection, "federation_status", "lag_ms", "INTEGER");
        // Files made before deletions kept what the gate needs to judge them: their entries stay without (withheld from readers).
        AddColumnIfMissing(connection, "federation_tombstone", "stub", "TEXT");
    }

    private static void AddColumnIfMissing(SqliteConnection connection, string table, string column, string definition)
    {
        if (Scalar(connection, $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'") == "0")
            Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} {definition}");
    }

    public string NodeId()
    {
        using var connection = Open();
        // INSERT OR IGNORE then read: two processes starting at once agree on the first id written.
        Execute(connection, "INSERT OR IGNORE INTO federation_meta (key, value) VALUES ('node_id', $v)", ("$v", "node--" + Guid.NewGuid().ToString("D")));
        return Scalar(connection, "SELECT value FROM federation_meta WHERE key = 'node_id'")!;
    }

    public bool AddPeer(PeerRecord peer)
    {
        using var connection = Open();
        try
        {
            Execute(connection, $"INSERT INTO federation_peer ({PeerColumns}) VALUES ($name, $url, $org, $token, $out, $in, $outMax, $inMax, $push, $created)", PeerParameters(peer));
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            return false;
        }
    }

    public bool UpdatePeer(PeerRecord peer)
    {
        using var connection = Open();
        return Execute(connection, """
            UPDATE federation_peer SET url = $url, organization_id = $org, protected_token = $token, out_collections = $out,
              in_collections = $in, out_max = $outMax, in_max = $inMax, push = $push WHERE name = $name
            """, PeerParameters(peer)) == 1;
    }

    public bool RemovePeer(string name)
    {
        using var connection = Open();
        // The peer row goes last: a crash half-way leaves a peer whose cursors restart, never orphans.
        Execute(connection, "DELETE FROM federation_cursor WHERE peer = $p", ("$p", name));
        Execute(connection, "DELETE FROM federation_status WHERE peer = $p", ("$p", name));
        return Execute(connection, "DELETE FROM federation_peer WHERE name = $p", ("$p", name)) == 1;
    }

    public PeerRecord? GetPeer(string name)
    {
        using var connection = Open();
        return Query(connection, $"SELECT {PeerColumns} FROM federation_peer WHERE name = $p", ReadPeer, ("$p", name)).FirstOrDefault();
    }

    public IReadOnlyList<PeerRecord> ListPeers()
    {
        using var connection = Open();
        return Query(connection, $"SELECT {PeerColumns} FROM federation_peer ORDER BY name", ReadPeer);
    }

    public string? GetCursor(string peer, string name)
    {
        using var connection = Open();
        return Scalar(connection, "SELECT value FROM federation_cursor WHERE peer = $p AND name = $n", ("$p", peer), ("$n", name));
    }

    public void SetCursor(string peer, string name, string value)
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO federation_cursor (peer, name, value) VALUES ($p, $n, $v) ON CONFLICT (peer, name) DO UPDATE SET value = excluded.value",
            ("$p", peer), ("$n", name), ("$v", value));
    }

    public PeerStatusRecord GetStatus(string peer)
    {
        using var connection = Open();
        var cursor = Scalar(connection, "SELECT value FROM federation_cursor WHERE peer = $p AND name = 'stream'", ("$p", peer));
        return Query(connection, "SELECT remote_head, last_contact, last_error, last_error_at, applied, rejected, unchanged, lag_ms FROM federation_status WHERE peer = $p",
                r => new PeerStatusRecord(peer, cursor, Text(r, 0), Time(r, 1), Text(r, 2), Time(r, 3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                    r.IsDBNull(7) ? null : TimeSpan.FromMilliseconds(r.GetInt64(7))), ("$p", peer))
            .FirstOrDefault() ?? new PeerStatusRecord(peer, cursor, null, null, null, null, 0, 0);
    }

    public void RecordContact(string peer, DateTimeOffset at, string? remoteHead, long applied, long rejected, long unchanged = 0, TimeSpan? lag = null)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO federation_status (peer, remote_head, last_contact, applied, rejected, unchanged, lag_ms) VALUES ($p, $head, $at, $applied, $rejected, $unchanged, $lag)
            ON CONFLICT (peer) DO UPDATE SET remote_head = coalesce(excluded.remote_head, remote_head), last_contact = excluded.last_contact,
              last_error = NULL, applied = applied + excluded.applied, rejected = rejected + excluded.rejected, unchanged = unchanged + excluded.unchanged,
              lag_ms = coalesce(excluded.lag_ms, lag_ms)
            """, ("$p", peer), ("$head", remoteHead), ("$at", SqliteAccessDatabase.FormatTime(at)), ("$applied", applied), ("$rejected", rejected), ("$unchanged", unchanged),
            ("$lag", lag is { } l ? (long)l.TotalMilliseconds : null));
    }

    public void RecordError(string peer, DateTimeOffset at, string error)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO federation_status (peer, last_error, last_error_at) VALUES ($p, $e, $at)
            ON CONFLICT (peer) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at
            """, ("$p", peer), ("$e", error), ("$at", SqliteAccessDatabase.FormatTime(at)));
    }

    public int AddProvenance(IReadOnlyList<ProvenanceRecord> records)
    {
        if (records.Count == 0)
            return 0;
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO federation_provenance (id, version, origin, path, via_peer, received) VALUES ($id, $v, $o, $path, $via, $at)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var version = command.Parameters.Add("$v", SqliteType.Text);
        var origin = command.Parameters.Add("$o", SqliteType.Text);
        var path = command.Parameters.Add("$path", SqliteType.Text);
        var via = command.Parameters.Add("$via", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Text);
        var added = 0;
        foreach (var record in records)
        {
            id.Value = record.Id;
            version.Value = record.Version;
            origin.Value = record.Origin;
            path.Value = JsonSerializer.Serialize(record.Path);
            via.Value = (object?)record.ViaPeer ?? DBNull.Value;
            at.Value = SqliteAccessDatabase.FormatTime(record.Received);
            added += command.ExecuteNonQuery();
        }
        transaction.Commit();
        return added;
    }

    public IReadOnlyDictionary<(string Id, string Version), ProvenanceRecord> GetProvenance(IReadOnlyCollection<(string Id, string Version)> keys)
    {
        var found = new Dictionary<(string, string), ProvenanceRecord>();
        if (keys.Count == 0)
            return found;
        var wanted = keys.ToHashSet();
        using var connection = Open();
        // One query per batch: every version of these ids, the wanted ones kept (a stream batch asks for hundreds).
        var rows = Query(connection, "SELECT id, version, origin, path, via_peer, received FROM federation_provenance WHERE id IN (SELECT value FROM json_each($ids))",
            r => new ProvenanceRecord(r.GetString(0), r.GetString(1), r.GetString(2), ReadList(r.GetString(3)), Text(r, 4), Time(r, 5)!.Value),
            ("$ids", JsonSerializer.Serialize(wanted.Select(k => k.Id).Distinct(StringComparer.Ordinal))));
        foreach (var row in rows)
        {
            if (wanted.Contains((row.Id, row.Version)))
                found[(row.Id, row.Version)] = row;
        }
        return found;
    }

    public long AddTombstone(string id, string? version, string? collectionId, DateTimeOffset at, string? stub = null)
    {
        using var connection = Open();
        return Convert.ToInt64(Scalar(connection, "INSERT INTO federation_tombstone (id, version, collection_id, at, stub) VALUES ($id, $v, $c, $at, $stub) RETURNING seq",
            ("$id", id), ("$v", version), ("$c", collectionId), ("$at", SqliteAccessDatabase.FormatTime(at)), ("$stub", stub)), CultureInfo.InvariantCulture);
    }

    public long AddJoined(IReadOnlyList<(string Id, string Version)> versions, string collectionId, DateTimeOffset at)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO federation_tombstone (id, version, collection_id, at, kind) VALUES ($id, $v, $c, $at, 'Joined') RETURNING seq";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var version = command.Parameters.Add("$v", SqliteType.Text);
        command.Parameters.AddWithValue("$c", collectionId);
        command.Parameters.AddWithValue("$at", SqliteAccessDatabase.FormatTime(at));
        long last = 0;
        foreach (var (objectId, objectVersion) in versions)
        {
            id.Value = objectId;
            version.Value = objectVersion;
            last = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        transaction.Commit();
        return last;
    }

    public IReadOnlyList<TombstoneRecord> TombstonesAfter(long afterSequence, int limit)
    {
        using var connection = Open();
        return Query(connection, "SELECT seq, id, version, collection_id, at, kind, stub FROM federation_tombstone WHERE seq > $after ORDER BY seq LIMIT $limit",
            r => new TombstoneRecord(r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3), Time(r, 4)!.Value, Enum.Parse<ChangeKind>(r.GetString(5)), Text(r, 6)),
            ("$after", afterSequence), ("$limit", limit));
    }

    public long LastTombstone()
    {
        using var connection = Open();
        return Convert.ToInt64(Scalar(connection, "SELECT coalesce(max(seq), 0) FROM federation_tombstone"), CultureInfo.InvariantCulture);
    }

    public IReadOnlySet<(string Id, string Version)> DeletedAmong(string collectionId, IReadOnlyCollection<(string Id, string Version)> keys)
    {
        var found = new HashSet<(string, string)>();
        if (keys.Count == 0)
            return found;
        var wanted = keys.ToHashSet();
        using var connection = Open();
        // One indexed probe per id of the batch; the wanted versions kept.
        var rows = Query(connection, """
            SELECT id, version FROM federation_tombstone
            WHERE id IN (SELECT value FROM json_each($ids)) AND kind = 'Deleted' AND version IS NOT NULL AND (collection_id = $c OR collection_id IS NULL)
            """, r => (r.GetString(0), r.GetString(1)),
            ("$ids", JsonSerializer.Serialize(wanted.Select(k => k.Id).Distinct(StringComparer.Ordinal))), ("$c", collectionId));
        foreach (var row in rows)
        {
            if (wanted.Contains(row))
                found.Add(row);
        }
        return found;
    }

    /// <summary>
    /// A pooled connection with the store's durability setting: in WAL mode NORMAL never corrupts and can
    /// only lose the newest commits on power loss, and federation writes provenance before the versions
    /// and cursors after them, so what a crash loses is replayed, never skipped. FULL would cost a sync per apply batch.
    /// </summary>
    private SqliteConnection Open()
    {
        var connection = database.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static (string, object?)[] PeerParameters(PeerRecord peer) =>
    [
        ("$name", peer.Name), ("$url", peer.Url), ("$org", peer.OrganizationId), ("$token", peer.ProtectedToken),
        ("$out", JsonSerializer.Serialize(peer.OutCollections)), ("$in", JsonSerializer.Serialize(peer.InCollections)),
        ("$outMax", peer.OutMax.ToString()), ("$inMax", peer.InMax.ToString()), ("$push", peer.Push ? 1 : 0),
        ("$created", SqliteAccessDatabase.FormatTime(peer.Created)),
    ];

    private static PeerRecord ReadPeer(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ReadList(r.GetString(4)), ReadList(r.GetString(5)),
        Enum.Parse<TlpLevel>(r.GetString(6)), Enum.Parse<TlpLevel>(r.GetString(7)), r.GetInt64(8) != 0, SqliteAccessDatabase.ParseTime(r.GetString(9)));

    private static string[] ReadList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : SqliteAccessDatabase.ParseTime(r.GetString(i));

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
            list.Add(map(reader));
        return list;
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
