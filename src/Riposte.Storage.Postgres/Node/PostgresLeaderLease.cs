using Npgsql;

namespace Riposte.Storage.Postgres.Node;

/// <summary>
/// A leader lease as a session-level advisory lock held on a dedicated connection (outside the pool). The
/// server releases it when that connection ends — process killed, network cut — so another replica's next
/// <see cref="TryAcquire"/> takes over. Each check also proves the connection is alive: a dead one drops the lease.
/// </summary>
public sealed class PostgresLeaderLease : ILeaderLease
{
    private readonly string _connectionString;
    private readonly long _key;
    private readonly Lock _gate = new();
    private NpgsqlConnection? _connection;

    /// <param name="name">What the lease is for, e.g. "federation-sync"; replicas with the same name compete.</param>
    public PostgresLeaderLease(string connectionString, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // Not pooled: a pooled connection returned to the pool would keep the lock after this lease is gone.
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;
        _key = KeyOf(name);
    }

    public bool IsHeld { get; private set; }

    public bool TryAcquire()
    {
        lock (_gate)
        {
            try
            {
                if (_connection is null)
                {
                    _connection = new NpgsqlConnection(_connectionString);
                    _connection.Open();
                }
                if (IsHeld)
                {
                    // Still connected means still holding: the server keeps a session lock until the session ends.
                    using var ping = new NpgsqlCommand("SELECT 1", _connection);
                    ping.ExecuteScalar();
                    return true;
                }
                using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", _connection);
                command.Parameters.AddWithValue("key", _key);
                IsHeld = command.ExecuteScalar() is true;
                return IsHeld;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection (and with it any lock) is gone; the next call reconnects and competes again.
                Drop();
                return false;
            }
        }
    }

    /// <summary>Hands the lease over at once (a replica shutting down), rather than when the server notices the session ended.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (IsHeld && _connection is not null)
            {
                try
                {
                    using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                    unlock.Parameters.AddWithValue("key", _key);
                    unlock.ExecuteScalar();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // The session is gone already, and the lock with it.
                }
            }
            Drop();
        }
    }

    private void Drop()
    {
        IsHeld = false;
        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>A stable 64-bit key from the name (FNV-1a), the same in every replica and version.</summary>
    private static long KeyOf(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "riposte-lease:" + name)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
