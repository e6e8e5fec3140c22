using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Riposte.Stix;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// The STIX store on one SQLite file. Writes go through a single connection under a lock, each batch in
/// one transaction; reads borrow connections from a small pool and, thanks to WAL, never wait for the
/// writer. Query results stream: a large export holds one row at a time.
/// </summary>
public sealed partial class SqliteStixStore : IStixStore
{
    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly Lock _writeLock = new();
    private readonly SqliteSession _writer;
    private readonly SqliteCheckpointer _checkpointer;
    private SqliteObjectWriter? _objectWriter;
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private string _lastDateAdded = "";
    private bool _disposed;

    public SqliteStixStore(string path, TimeProvider? clock = null)
    {
        _path = Path.GetFullPath(path);
        _clock = clock ?? TimeProvider.System;
        if (Path.GetDirectoryName(_path) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        _writer = new SqliteSession(_path, writer: true);
        _checkpointer = new SqliteCheckpointer(_path);
    }

    public string FilePath => _path;

    /// <summary>The schema version this build migrates files to.</summary>
    public static int LatestSchemaVersion => SqliteSchema.Steps[^1].Version;

    /// <summary>The schema version the file is at.</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_writeLock)
                return SqliteSchema.CurrentVersion(_writer.Connection);
        }
    }

    public void Migrate()
    {
        lock (_writeLock)
            SqliteSchema.Migrate(_writer.Connection, _clock);
    }

    public IReadOnlyList<WriteOutcome> Put(IReadOnlyList<StixObject> objects, string? collectionId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (objects.Count == 0)
            return [];
        lock (_writeLock)
        {
            using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            var outcomes = ObjectWriter.Write(objects, collectionId, NextDateAdded());
            Commit(transaction, objects.Count);
            return outcomes;
        }
    }

    /// <summary>The writer's prepared statements, made on first use: they need the tables Migrate creates. Hold the write lock.</summary>
    private SqliteObjectWriter ObjectWriter => _objectWriter ??= new SqliteObjectWriter(_writer.Connection);

    /// <summary>
    /// Commits a write transaction and tells the checkpointer how many objects it touched. Every write
    /// commits through here, so none can forget the checkpointer (automatic checkpoints are off). Hold the write lock.
    /// </summary>
    private void Commit(SqliteTransaction transaction, int objects)
    {
        transaction.Commit();
        _checkpointer.Committed(_writer.Connection, objects);
    }

    public StoredObject? GetLatest(string id) =>
        ReadOne($"SELECT {SqliteQueryBuilder.Columns} FROM objects o WHERE o.id = $id AND o.is_latest = 1", ("$id", id));

    public StoredObject? GetVersion(string id, string version) =>
        ReadOne($"SELECT {SqliteQueryBuilder.Columns} FROM objects o WHERE o.id = $id AND o.version_key = $key",
            ("$id", id), ("$key", SqliteText.VersionKey(version)));

    public IReadOnlyList<StoredObject> GetVersions(string id) =>
        [.. Read($"SELECT {SqliteQueryBuilder.Columns} FROM objects o WHERE o.id = $id ORDER BY o.version_key", [new SqliteParameter("$id", id)])];

    public IEnumerable<StoredObject> Query(StixQuery query)
    {
        var (sql, parameters) = SqliteQueryBuilder.Build(query);
        return Read(sql, parameters);
    }

    public IReadOnlyList<StoredObject> GetRelationships(string id, RelationshipDirection direction = RelationshipDirection.Both)
    {
        IReadOnlyList<string> properties = direction switch
        {
            RelationshipDirection.Outgoing => IndexTerms.OutgoingRelationshipProperties,
            RelationshipDirection.Incoming => IndexTerms.IncomingRelationshipProperties,
            _ => [.. IndexTerms.OutgoingRelationshipProperties, .. IndexTerms.IncomingRelationshipProperties],
        };
        var parameters = new List<SqliteParameter> { new("$id", id) };
        var names = properties.Select((p, i) =>
        {
            parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), p));
            return parameters[^1].ParameterName;
        });
        var sql = $"""
            SELECT {SqliteQueryBuilder.Columns} FROM objects o
            WHERE o.is_latest = 1 AND o.type IN ('relationship', 'sighting')
              AND o.seq IN (SELECT seq FROM refs WHERE target_id = $id AND property IN ({string.Join(", ", names)}))
            ORDER BY o.seq
            """;
        return [.. Read(sql, parameters)];
    }

    public IReadOnlyList<StoredObject> Search(string text, int limit = 50)
    {
        var match = FullTextQuery.From(text);
        if (match is null || limit <= 0)
            return [];
        var sql = $"""
            SELECT {SqliteQueryBuilder.Columns} FROM object_text t JOIN objects o ON o.seq = t.rowid
            WHERE object_text MATCH $match AND o.is_latest = 1
            ORDER BY t.rank LIMIT $limit
            """;
        return [.. Read(sql, [new SqliteParameter("$match", match), new SqliteParameter("$limit", limit)])];
    }

    public StoreStats Stats()
    {
        var session = Rent();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT type, count(*), sum(is_latest) FROM objects GROUP BY type ORDER BY type";
            using var reader = command.ExecuteReader();
            return StoreStats.FromTypeCounts(Rows(reader));
        }
        finally
        {
            Return(session);
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        lock (_writeLock)
        {
            _objectWriter?.Dispose();
            _checkpointer.Dispose(); // before the writer, whose close then checkpoints what is left
            _writer.Dispose();
        }
        while (_readers.TryTake(out var session))
            session.Dispose();
    }

    /// <summary>date_added never goes backwards, even if the clock does, so added_after polling misses nothing.</summary>
    private string NextDateAdded()
    {
        var now = SqliteText.Instant(_clock.GetUtcNow());
        if (string.CompareOrdinal(now, _lastDateAdded) > 0)
            _lastDateAdded = now;
        return _lastDateAdded;
    }

    private StoredObject? ReadOne(string sql, params (string Name, object Value)[] parameters) =>
        Read(sql, [.. parameters.Select(p => new SqliteParameter(p.Name, p.Value))]).FirstOrDefault();

    private IEnumerable<StoredObject> Read(string sql, IReadOnlyList<SqliteParameter> parameters)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var session = Rent();
        try
        {
            var command = session.Command(sql);
            foreach (var parameter in parameters)
                command.Parameters.Add(parameter);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                yield return Materialise(reader);
        }
        finally
        {
            Return(session);
        }
    }

    private static IEnumerable<(string, long, long)> Rows(SqliteDataReader reader)
    {
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>A row as an object that keeps its stored bytes; its JSON tree is built only if a caller asks for it.</summary>
    private static StoredObject Materialise(SqliteDataReader reader)
    {
        var obj = StixObject.FromUtf8(reader.GetFieldValue<byte[]>(1));
        return new StoredObject(obj, reader.GetInt64(0), SqliteText.ParseInstant(reader.GetString(2)));
    }

    private SqliteSession Rent() => _readers.TryTake(out var session) ? session : new SqliteSession(_path, writer: false);

    private void Return(SqliteSession session)
    {
        if (_disposed || _readers.Count >= Environment.ProcessorCount * 2)
            session.Dispose();
        else
            _readers.Add(session);
    }
}
