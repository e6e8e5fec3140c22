using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection and thread, so the
/// writer never waits for a checkpoint's copying and fsyncs: during an import those then overlap with
/// the next batch instead of stalling it. Should the log still grow past a hard limit (a checkpoint
/// cannot finish while the writer keeps appending), the writer checkpoints itself between transactions,
/// as SQLite's automatic checkpoint would, which lets the log start again from its beginning.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>Objects written between two background checkpoints: small commits do not each cost an fsync.</summary>
    private const int ObjectsPerCheckpoint = 2_000;

    /// <summary>Log frames (pages) beyond which the writer checkpoints itself: 256 MiB of 8 KiB pages.</summary>
    private const int HardLimitFrames = 32_768;

    private readonly SqliteConnection _connection;
    private readonly AutoResetEvent _signal = new(initialState: false);
    private readonly Thread _thread;
    private int _objectsSinceSignal;
    private volatile int _logFrames;
    private volatile bool _stopping;

    public SqliteCheckpointer(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        _connection.Open();
        // A connection learns that the file is in WAL mode when it first reads it; until then a checkpoint does nothing.
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            read.ExecuteScalar();
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "riposte-sqlite-checkpoint" };
        _thread.Start();
    }

    /// <summary>Called by the writer, holding the write lock, after each commit of <paramref name="objects"/> objects.</summary>
    public void Committed(SqliteConnection writer, int objects)
    {
        if (_logFrames >= HardLimitFrames)
        {
            _logFrames = Checkpoint(writer.Handle!);
            return;
        }
        _objectsSinceSignal += objects;
        if (_objectsSinceSignal < ObjectsPerCheckpoint)
            return;
        _objectsSinceSignal = 0;
        _signal.Set();
    }

    public void Dispose()
    {
        _stopping = true;
        _signal.Set();
        _thread.Join();
        _signal.Dispose();
        _connection.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _signal.WaitOne();
            if (_stopping)
                return;
            try
            {
                _logFrames = Checkpoint(_connection.Handle!);
            }
            catch (SqliteException)
            {
                // A failed checkpoint loses nothing (the log still holds every commit); the next signal
                // tries again, and the writer's own checkpoint past the hard limit stays as the backstop.
            }
        }
    }

    /// <summary>A passive checkpoint (never waits for readers or the writer); the frames the log then holds.</summary>
    private static int Checkpoint(sqlite3 db)
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(db, null, raw.SQLITE_CHECKPOINT_PASSIVE, out var logFrames, out _);
        // Busy only means another checkpoint is running; the next commit asks again.
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_BUSY)
            SqliteException.ThrowExceptionForRC(rc, db);
        return logFrames;
    }
}
