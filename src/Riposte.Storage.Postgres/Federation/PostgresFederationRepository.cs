using System.Globalization;
using System.Text.Json;
using Npgsql;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;
using Riposte.Storage.Postgres.Schema;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Federation;

/// <summary>Federation persistence over one PostgreSQL database, shared by every replica of the node.</summary>
public sealed class PostgresFederationRepository(NpgsqlDataSource source) : IFederationRepository
{
    /// <summary>
    /// Serialises appends to the change log ("TOMBSTON" in ASCII). An identity column hands out numbers at
    /// insert, not at commit: two replicas could commit 8 before 7, and a stream reader between the two
    /// commits would move past 7 for ever. Holding this lock to commit makes numbers commit in order.
    /// </summary>
    private const long ChangeLogLock = 0x544F4D4253544F4E;

    private const string PeerColumns = "name, url, organization_id, protected_token, out_collections, in_collections, out_max, in_max, push, created";

    /// <summary>A repository over the database a <c>--db</c> value names.</summary>
    public static PostgresFederationRepository For(string location) => new(PostgresDataSources.For(location));

    public void Migrate() => PostgresSchemaMigrator.Migrate(source, PostgresFederationSchema.Component, PostgresFederationSchema.Steps);

    public string NodeId()
    {
        using var connection = source.OpenConnection();
        // Insert-if-absent then read: replicas starting at once agree on the first id written.
        Execute(connection, "INSERT INTO federation_meta (key, value) VALUES ('node_id', @v) ON CONFLICT DO NOTHING", ("v", "node--" + Guid.NewGuid().ToString("D")));
        return (string)Scalar(connection, "SELECT value FROM federation_meta WHERE key = 'node_id'")!;
    }

    public bool AddPeer(PeerRecord peer)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, $"INSERT INTO federation_peer ({PeerColumns}) VALUES (@name, @url, @org, @token, @out, @in, @outMax, @inMax, @push, @created) ON CONFLICT DO NOTHING",
            PeerParameters(peer)) == 1;
    }

    public bool UpdatePeer(PeerRecord peer)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, """
            UPDATE federation_peer SET url = @url, organization_id = @org, protected_token = @token, out_collections = @out,
              in_collections = @in, out_max = @outMax, in_max = @inMax, push = @push WHERE name = @name
            """, PeerParameters(peer)) == 1;
    }

    public bool RemovePeer(string name)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "DELETE FROM federation_cursor WHERE peer = @p", ("p", name));
        Execute(connection, "DELETE FROM federation_status WHERE peer = @p", ("p", name));
        var removed = Execute(connection, "DELETE FROM federation_peer WHERE name = @p", ("p", name)) == 1;
        transaction.Commit();
        return removed;
    }

    public PeerRecord? GetPeer(string name)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {PeerColumns} FROM federation_peer WHERE name = @p", ReadPeer, ("p", name)).FirstOrDefault();
    }

    public IReadOnlyList<PeerRecord> ListPeers()
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {PeerColumns} FROM federation_peer ORDER BY name COLLATE \"C\"", ReadPeer);
    }

    public string? GetCursor(string peer, string name)
    {
        using var connection = source.OpenConnection();
        return (string?)Scalar(connection, "SELECT value FROM federation_cursor WHERE peer = @p AND name = @n", ("p", peer), ("n", name));
    }

    public void SetCursor(string peer, string name, string value)
    {
        using var connection = source.OpenConnection();
        Execute(connection, "INSERT INTO federation_cursor (peer, name, value) VALUES (@p, @n, @v) ON CONFLICT (peer, name) DO UPDATE SET value = excluded.value",
            ("p", peer), ("n", name), ("v", value));
    }

    public PeerStatusRecord GetStatus(string peer)
    {
        using var connection = source.OpenConnection();
        var cursor = (string?)Scalar(connection, "SELECT value FROM federation_cursor WHERE peer = @p AND name = 'stream'", ("p", peer));
        return Query(connection, "SELECT remote_head, last_contact, last_error, last_error_at, applied, rejected, unchanged, lag_ms FROM federation_status WHERE peer = @p",
                r => new PeerStatusRecord(peer, cursor, TextOrNull(r, 0), TimeOrNull(r, 1), TextOrNull(r, 2), TimeOrNull(r, 3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                    r.IsDBNull(7) ? null : TimeSpan.FromMilliseconds(r.GetInt64(7))), ("p", peer))
            .FirstOrDefault() ?? new PeerStatusRecord(peer, cursor, null, null, null, null, 0, 0);
    }

    public void RecordContact(string peer, DateTimeOffset at, string? remoteHead, long applied, long rejected, long unchanged = 0, TimeSpan? lag = null)
    {
        using var connection = source.OpenConnection();
        Execute(connection, """
            INSERT INTO federation_status AS s (peer, remote_head, last_contact, applied, rejected, unchanged, lag_ms) VALUES (@p, @head, @at, @applied, @rejected, @unchanged, @lag::bigint)
            ON CONFLICT (peer) DO UPDATE SET remote_head = coalesce(excluded.remote_head, s.remote_head), last_contact = excluded.last_contact,
              last_error = NULL, applied = s.applied + excluded.applied, rejected = s.rejected + excluded.rejected, unchanged = s.unchanged + excluded.unchanged,
              lag_ms = coalesce(excluded.lag_ms, s.lag_ms)
            """, ("p", peer), ("head", remoteHead), ("at", FormatTime(at)), ("applied", applied), ("rejected", rejected), ("unchanged", unchanged),
            ("lag", lag is { } l ? (long)l.TotalMilliseconds : null));
    }

    public void RecordError(string peer, DateTimeOffset at, string error)
    {
        using var connection = source.OpenConnection();
        Execute(connection, """
            INSERT INTO federation_status (peer, last_error, last_error_at) VALUES (@p, @e, @at)
            ON CONFLICT (peer) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at
            """, ("p", peer), ("e", error), ("at", FormatTime(at)));
    }

    public int AddProvenance(IReadOnlyList<ProvenanceRecord> records)
    {
        if (records.Count == 0)
            return 0;
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // unnest: one statement for the whole batch; the first record of an (id, version) stands.
        var added = Execute(connection, """
            INSERT INTO federation_provenance (id, version, origin, path, via_peer, received)
            SELECT * FROM unnest(@ids, @versions, @origins, @paths, @vias, @ats) ON CONFLICT DO NOTHING
            """,
            ("ids", records.Select(r => r.Id).ToArray()), ("versions", records.Select(r => r.Version).ToArray()),
            ("origins", records.Select(r => r.Origin).ToArray()), ("paths", records.Select(r => JsonSerializer.Serialize(r.Path)).ToArray()),
            ("vias", records.Select(r => r.ViaPeer).ToArray()), ("ats", records.Select(r => FormatTime(r.Received)).ToArray()));
        transaction.Commit();
        return added;
    }

    public IReadOnlyDictionary<(string Id, string Version), ProvenanceRecord> GetProvenance(IReadOnlyCollection<(string Id, string Version)> keys)
    {
        var found = new Dictionary<(string, string), ProvenanceRecord>();
        if (keys.Count == 0)
            return found;
        var wanted = keys.ToHashSet();
        using var connection = source.OpenConnection();
        var rows = Query(connection, "SELECT id, version, origin, path, via_peer, received FROM federation_provenance WHERE id = ANY(@ids)",
            r => new ProvenanceRecord(r.GetString(0), r.GetString(1), r.GetString(2), ReadList(r.GetString(3)), TextOrNull(r, 4), ParseTime(r.GetString(5))),
            ("ids", wanted.Select(k => k.Id).Distinct(StringComparer.Ordinal).ToArray()));
        foreach (var row in rows)
        {
            if (wanted.Contains((row.Id, row.Version)))
                found[(row.Id, row.Version)] = row;
        }
        return found;
    }

    public long AddTombstone(string id, string? version, string? collectionId, DateTimeOffset at, string? stub = null) =>
        AppendChanges([(id, version)], collectionId, at, ChangeKind.Deleted, stub);

    public long AddJoined(IReadOnlyList<(string Id, string Version)> versions, string collectionId, DateTimeOffset at) =>
        versions.Count == 0 ? 0 : AppendChanges([.. versions.Select(v => (v.Id, (string?)v.Version))], collectionId, at, ChangeKind.Joined);

    private long AppendChanges(IReadOnlyList<(string Id, string? Version)> entries, string? collectionId, DateTimeOffset at, ChangeKind kind, string? stub = null)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(@key)", ("key", ChangeLogLock));
        // WITH ORDINALITY keeps the input order in the sequence numbers.
        var last = Scalar(connection, """
            WITH added AS (
              INSERT INTO federation_tombstone (id, version, collection_id, at, kind, stub)
              SELECT e.id, e.version, @c, @at, @kind, @stub FROM unnest(@ids, @versions) WITH ORDINALITY AS e(id, version, n) ORDER BY e.n
              RETURNING seq)
            SELECT max(seq) FROM added
            """,
            ("ids", entries.Select(e => e.Id).ToArray()), ("versions", entries.Select(e => e.Version).ToArray()),
            ("c", collectionId), ("at", FormatTime(at)), ("kind", kind.ToString()), ("stub", stub));
        transaction.Commit();
        return Convert.ToInt64(last, CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<TombstoneRecord> TombstonesAfter(long afterSequence, int limit)
    {
        using var connection = source.OpenConnection();
        return Query(connection, "SELECT seq, id, version, collection_id, at, kind, stub FROM federation_tombstone WHERE seq > @after ORDER BY seq LIMIT @limit",
            r => new TombstoneRecord(r.GetInt64(0), r.GetString(1), TextOrNull(r, 2), TextOrNull(r, 3), ParseTime(r.GetString(4)), Enum.Parse<ChangeKind>(r.GetString(5)), TextOrNull(r, 6)),
            ("after", afterSequence), ("limit", limit));
    }

    public long LastTombstone()
    {
        using var connection = source.OpenConnection();
        return Convert.ToInt64(Scalar(connection, "SELECT coalesce(max(seq), 0) FROM federation_tombstone"), CultureInfo.InvariantCulture);
    }

    public IReadOnlySet<(string Id, string Version)> DeletedAmong(string collectionId, IReadOnlyCollection<(string Id, string Version)> keys)
    {
        var found = new HashSet<(string, string)>();
        if (keys.Count == 0)
            return found;
        using var connection = source.OpenConnection();
        // The exact pairs in one query: unnest the batch and join it to the log's (id, version) index.
        var rows = Query(connection, """
            SELECT DISTINCT t.id, t.version FROM federation_tombstone t
            JOIN unnest(@ids, @versions) AS k(id, version) ON t.id = k.id AND t.version = k.version
            WHERE t.kind = 'Deleted' AND (t.collection_id = @c OR t.collection_id IS NULL)
            """, r => (r.GetString(0), r.GetString(1)),
            ("ids", keys.Select(k => k.Id).ToArray()), ("versions", keys.Select(k => k.Version).ToArray()), ("c", collectionId));
        found.UnionWith(rows);
        return found;
    }

    private static (string, object?)[] PeerParameters(PeerRecord peer) =>
    [
        ("name", peer.Name), ("url", peer.Url), ("org", peer.OrganizationId), ("token", peer.ProtectedToken),
        ("out", JsonSerializer.Serialize(peer.OutCollections)), ("in", JsonSerializer.Serialize(peer.InCollections)),
        ("outMax", peer.OutMax.ToString()), ("inMax", peer.InMax.ToString()), ("push", peer.Push), ("created", FormatTime(peer.Created)),
    ];

    private static PeerRecord ReadPeer(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ReadList(r.GetString(4)), ReadList(r.GetString(5)),
        Enum.Parse<TlpLevel>(r.GetString(6)), Enum.Parse<TlpLevel>(r.GetString(7)), r.GetBoolean(8), ParseTime(r.GetString(9)));

    private static string[] ReadList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
