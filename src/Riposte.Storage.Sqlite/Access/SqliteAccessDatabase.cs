using Microsoft.Data.Sqlite;

namespace Riposte.Storage.Sqlite.Access;

/// <summary>Opens connections to the access tables and creates them. Connections are pooled by Microsoft.Data.Sqlite.</summary>
public sealed class SqliteAccessDatabase
{
    // Fixed-width UTC text: ordinal order is time order, and it round-trips every tick.

    public SqliteAccessDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        ConnectionString = builder.ToString();
    }

    /// <summary>A database file path; the file is created when missing.</summary>
    public static SqliteAccessDatabase ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());

    public string ConnectionString { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // synchronous = NORMAL, as for the STIX store: in WAL mode a committed entry survives a process crash
        // (only an OS crash or power loss can lose the last commits) and a commit costs no fsync, which
        // matters because every request appends to the audit log.
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public void Migrate()
    {
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteAccessSchema.Script;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public static string FormatTime(DateTimeOffset value) => StoredInstants.ToText(value);

    public static string? FormatTime(DateTimeOffset? value) => StoredInstants.ToText(value);

    public static DateTimeOffset ParseTime(string text) => StoredInstants.Parse(text);

    public static DateTimeOffset? ParseTimeOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    public static string? GetStringOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
