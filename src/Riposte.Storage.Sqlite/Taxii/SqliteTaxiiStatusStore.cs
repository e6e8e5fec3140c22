using System.Globalization;
using Microsoft.Data.Sqlite;
using Riposte.Storage.Taxii;

namespace Riposte.Storage.Sqlite.Taxii;

/// <summary>
/// TAXII status resources in a SQLite table, so a client can fetch its status after a restart.
/// Can share the file of the STIX store: it only owns the <c>taxii_status</c> table.
/// </summary>
public sealed class SqliteTaxiiStatusStore : ITaxiiStatusStore
{
    private readonly string _connectionString;

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, or a plain file path.</param>
    public SqliteTaxiiStatusStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString.Contains('=', StringComparison.Ordinal)
            ? connectionString
            : new SqliteConnectionStringBuilder { DataSource = connectionString, Pooling = true }.ToString();
    }

    /// <summary>Creates the table when missing. Safe to call on every start.</summary>
    public void Migrate()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS taxii_status (
                id TEXT PRIMARY KEY,
                owner_user_id TEXT NOT NULL,
                collection_id TEXT NOT NULL,
                request_timestamp TEXT NOT NULL,
                successes TEXT NOT NULL,
                failures TEXT NOT NULL,
                pendings TEXT NOT NULL
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    public void Save(TaxiiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO taxii_status (id, owner_user_id, collection_id, request_timestamp, successes, failures, pendings)
            VALUES ($id, $owner, $collection, $ts, $successes, $failures, $pendings)
            ON CONFLICT(id) DO UPDATE SET successes = excluded.successes, failures = excluded.failures, pendings = excluded.pendings;
            """;
        command.Parameters.AddWithValue("$id", status.Id);
        command.Parameters.AddWithValue("$owner", status.OwnerUserId);
        command.Parameters.AddWithValue("$collection", status.CollectionId);
        command.Parameters.AddWithValue("$ts", status.RequestTimestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$successes", TaxiiStatusJson.Serialize(status.Successes));
        command.Parameters.AddWithValue("$failures", TaxiiStatusJson.Serialize(status.Failures));
        command.Parameters.AddWithValue("$pendings", TaxiiStatusJson.Serialize(status.Pendings));
        command.ExecuteNonQuery();
    }

    public TaxiiStatus? Get(string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner_user_id, collection_id, request_timestamp, successes, failures, pendings FROM taxii_status WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new TaxiiStatus
        {
            Id = id,
            OwnerUserId = reader.GetString(0),
            CollectionId = reader.GetString(1),
            RequestTimestamp = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Successes = TaxiiStatusJson.Deserialize(reader.GetString(3)),
            Failures = TaxiiStatusJson.Deserialize(reader.GetString(4)),
            Pendings = TaxiiStatusJson.Deserialize(reader.GetString(5)),
        };
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // The STIX store may be writing the same file: wait for its lock instead of failing at once.
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
