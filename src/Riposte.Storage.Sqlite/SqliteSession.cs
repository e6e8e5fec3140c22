using Microsoft.Data.Sqlite;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// One open connection with its prepared commands kept by SQL text, so hot statements are compiled
/// once per connection. A session is used by one thread at a time (the store hands them out).
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private const int MaxCachedCommands = 128;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteSession(string path, bool writer)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        Connection = new SqliteConnection(builder.ToString());
        Connection.Open();
        using var pragmas = Connection.CreateCommand();
        // 8 KiB pages (set before WAL, so only a new file takes them): STIX rows of several hundred bytes
        // and the full-text segments fill them better than 4 KiB pages, a quarter less file and write work.
        // The writer's checkpoints run on their own thread (SqliteCheckpointer), hence no automatic ones.
        // WAL lets readers run beside the one writer; NORMAL keeps every committed transaction after a
        // process crash (only an OS crash can lose the last ones) at a fraction of FULL's fsync cost.
        pragmas.CommandText = (writer ? "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL; " : "")
            + "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA temp_store = MEMORY; "
            + (writer ? "PRAGMA cache_size = -131072; PRAGMA wal_autocheckpoint = 0; " : "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456; ");
        pragmas.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction? Transaction { get; set; }

    /// <summary>The cached command for <paramref name="sql"/>, parameters cleared, enlisted in the open transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxCachedCommands)
                ClearCache();
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        else
        {
            command.Parameters.Clear();
        }
        command.Transaction = Transaction;
        return command;
    }

    public void Dispose()
    {
        ClearCache();
        Connection.Dispose();
    }

    private void ClearCache()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
        _commands.Clear();
    }
}
