using Npgsql;
using Riposte.Stix;

namespace Riposte.Storage.Postgres;

/// <summary>
/// The STIX store on a PostgreSQL database, to the same contract as the SQLite store, for several replicas
/// sharing one database. Each object's bytes are kept exactly as received (bytea, not jsonb, which would
/// reorder keys and respell numbers) and read back lazily. Writers take turns on one row lock so sequence
/// numbers and date_added follow commit order (see <see cref="PostgresWriteTransaction"/>); readers never wait.
/// Connections come from the process's pooled data source for the database; disposing the store leaves the
/// pool to the other users of that database.
/// </summary>
public sealed partial class PostgresStixStore : IStixStore
{
    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _clock;
    private readonly PlannerStatistics _statistics;
    private bool _disposed;

    public PostgresStixStore(NpgsqlDataSource source, TimeProvider? clock = null)
    {
        _source = source;
        _clock = clock ?? TimeProvider.System;
        _statistics = new PlannerStatistics(source);
    }

    /// <summary>The store on the database a <c>--db</c> value names (URL or connection string).</summary>
    public PostgresStixStore(string location, TimeProvider? clock = null)
        : this(PostgresDataSources.For(location), clock)
    {
    }

    /// <summary>The schema version this build migrates databases to.</summary>
    public static int LatestSchemaVersion => PostgresSchema.LatestVersion;

    /// <summary>The schema version the database is at (0 when never migrated).</summary>
    public int SchemaVersion
    {
        get
        {
            using var connection = _source.OpenConnection();
            return PostgresSchema.CurrentVersion(connection);
        }
    }

    public void Migrate()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PostgresSchema.Migrate(_source, _clock);
    }

    public StoredObject? GetLatest(string id) =>
        Read($"SELECT {PostgresQueryBuilder.Columns} FROM stix_objects o WHERE o.id = @id AND o.is_latest", [new("id", id)]).FirstOrDefault();

    public StoredObject? GetVersion(string id, string version) =>
        Read($"SELECT {PostgresQueryBuilder.Columns} FROM stix_objects o WHERE o.id = @id AND o.version_key = @key",
            [new("id", id), new("key", VersionKeys.Of(version))]).FirstOrDefault();

    public IReadOnlyList<StoredObject> GetVersions(string id) =>
        [.. Read($"SELECT {PostgresQueryBuilder.Columns} FROM stix_objects o WHERE o.id = @id ORDER BY o.version_key", [new("id", id)])];

    public IEnumerable<StoredObject> Query(StixQuery query)
    {
        var (sql, parameters) = PostgresQueryBuilder.Build(query);
        return Read(sql, parameters);
    }

    public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both)
    {
        var sql = $"""
            SELECT {PostgresQueryBuilder.Columns} FROM stix_objects o
            WHERE o.is_latest AND o.type IN ('relationship', 'sighting')
              AND o.seq IN (SELECT seq FROM stix_refs WHERE target_id = @id AND property = ANY(@properties))
            ORDER BY o.seq
            """;
        return [.. Read(sql, [new("id", id), new("properties", RelationshipProperties(direction))])];
    }

    public IReadOnlyList<StoredObject> Search(string text, int limit = 50)
    {
        var query = SearchText.Query(text);
        if (query is null || limit <= 0)
            return [];
        var sql = $"""
            SELECT {PostgresQueryBuilder.Columns} FROM stix_objects o, to_tsquery('simple', @query) q
            WHERE o.search @@ q AND o.is_latest
            ORDER BY ts_rank(o.search, q) DESC, o.seq LIMIT @limit
            """;
        return [.. Read(sql, [new("query", query), new("limit", limit)])];
    }

    public StoreStats Stats()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT type, count(*), count(*) FILTER (WHERE is_latest) FROM stix_objects GROUP BY type ORDER BY type", connection);
        using var reader = command.ExecuteReader();
        return StoreStats.FromTypeCounts(TypeCounts(reader));
    }

    private static IEnumerable<(string, long, long)> TypeCounts(NpgsqlDataReader reader)
    {
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public void Dispose() => _disposed = true;

    internal static string[] RelationshipProperties(RelationshipDirection direction) => direction switch
    {
        RelationshipDirection.Outgoing => [.. IndexTerms.OutgoingRelationshipProperties],
        RelationshipDirection.Incoming => [.. IndexTerms.IncomingRelationshipProperties],
        _ => [.. IndexTerms.OutgoingRelationshipProperties, .. IndexTerms.IncomingRelationshipProperties],
    };

    /// <summary>Rows streamed from one pooled connection, held until the caller stops enumerating.</summary>
    private IEnumerable<StoredObject> Read(string sql, IReadOnlyList<NpgsqlParameter> parameters)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new StoredObject(StixObject.FromUtf8(reader.GetFieldValue<byte[]>(1)), reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(2));
    }
}
