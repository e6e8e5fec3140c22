using Npgsql;
using Riposte.Storage;
using Riposte.Storage.Postgres;
using Riposte.Storage.Sqlite;

namespace Riposte.Bench;

/// <summary>
/// Where a quick benchmark keeps its STIX stores: SQLite files in a temporary folder (the default), or fresh
/// databases on the PostgreSQL server named by <c>--db postgres://…</c> (or <c>RIPOSTE_BENCH_POSTGRES</c>),
/// each dropped when this is disposed. The URL names any database on the server (e.g. <c>/postgres</c>); its
/// login must be allowed to create databases.
/// </summary>
public sealed class BenchStores : IDisposable
{
    public const string ServerVariable = "RIPOSTE_BENCH_POSTGRES";

    private readonly string? _server;
    private readonly string _folder = Directory.CreateTempSubdirectory("riposte-bench-stores-").FullName;
    private readonly List<string> _databases = [];
    private readonly List<NpgsqlDataSource> _pools = [];

    private BenchStores(string? server) => _server = server is null ? null : PostgresLocation.ToConnectionString(server);

    /// <summary>"SQLite" or "PostgreSQL", for the printed figures.</summary>
    public string Provider => _server is null ? "SQLite" : "PostgreSQL";

    /// <summary>Takes <c>--db &lt;server&gt;</c> out of the arguments; without it, the environment variable; else SQLite.</summary>
    public static BenchStores FromArgs(string[] args, out string[] rest)
    {
        var at = Array.IndexOf(args, "--db");
        if (at >= 0 && at + 1 < args.Length)
        {
            rest = [.. args[..at], .. args[(at + 2)..]];
            return new BenchStores(args[at + 1]);
        }
        rest = args;
        var fromEnvironment = Environment.GetEnvironmentVariable(ServerVariable);
        return new BenchStores(string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment);
    }

    /// <summary>A connection pool on a fresh PostgreSQL database holding the store's tables, empty.</summary>
    public NpgsqlDataSource OpenPool()
    {
        if (_server is null)
            throw new InvalidOperationException("no PostgreSQL server: pass --db postgres://… or set " + ServerVariable);
        var database = $"riposte_bench_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{database}\"");
        _databases.Add(database);
        var pool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_server) { Database = database }.ConnectionString);
        _pools.Add(pool);
        new PostgresStixStore(pool).Migrate();
        return pool;
    }

    /// <summary>Another connection pool on the database <paramref name="pool"/> uses, as another replica has.</summary>
    public NpgsqlDataSource PoolOn(NpgsqlDataSource pool)
    {
        // The pool's own connection string has no password (Npgsql drops it); take the server's.
        var database = new NpgsqlConnectionStringBuilder(pool.ConnectionString).Database;
        var other = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_server) { Database = database }.ConnectionString);
        _pools.Add(other);
        return other;
    }

    /// <summary>A fresh, migrated, empty store; <paramref name="name"/> names the SQLite file.</summary>
    public IStixStore Open(string name)
    {
        if (_server is null)
        {
            var sqlite = new SqliteStixStore(Path.Combine(_folder, name + ".db"));
            sqlite.Migrate();
            return sqlite;
        }
        return new PostgresStixStore(OpenPool());
    }

    /// <summary>A file path in the benchmark's temporary folder (for what stays on SQLite, e.g. the access tables).</summary>
    public string FilePath(string name) => Path.Combine(_folder, name);

    public void Dispose()
    {
        foreach (var pool in _pools)
            pool.Dispose();
        foreach (var database in _databases)
            Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
