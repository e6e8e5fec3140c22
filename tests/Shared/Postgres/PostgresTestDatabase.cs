using Npgsql;

namespace Riposte.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database for one test or test class, dropped on dispose. The server comes
/// from <c>RIPOSTE_TEST_POSTGRES</c> (a connection string to any database on it, as a superuser;
/// <c>eval "$(scripts/test-postgres.sh)"</c> sets it up). Without it the test skips on a developer
/// machine and fails under CI (<c>CI=true</c>), so a missing server never passes silently.
/// </summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public const string ServerVariable = "RIPOSTE_TEST_POSTGRES";

    private readonly string _server;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>The database's name (unique per instance).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string to the new database: pass it as <c>--db</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The same database as a <c>postgres://</c> URL, the form operators type.</summary>
    public string Url
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            var user = Uri.EscapeDataString(b.Username ?? "");
            var password = b.Password is { Length: > 0 } p ? ":" + Uri.EscapeDataString(p) : "";
            return $"postgres://{user}{password}@{b.Host}:{b.Port}/{Name}";
        }
    }

    /// <summary>Creates the database, or skips (fails under CI) when no server is configured.</summary>
    public static PostgresTestDatabase Create()
    {
        if (Unavailable() is { } why)
            Assert.Skip(why);
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        var name = "riposte_t_" + Guid.NewGuid().ToString("N")[..20];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        return new PostgresTestDatabase(server!, name);
    }

    /// <summary>
    /// Why tests cannot run on PostgreSQL here (no server configured), or null when they can. Under CI a
    /// missing server is an error, not a reason: it throws.
    /// </summary>
    public static string? Unavailable()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable)))
            return null;
        const string why = $"no PostgreSQL server for tests: run `eval \"$(scripts/test-postgres.sh)\"` to set {ServerVariable}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(why + " (CI must provide it: .ci/run does)");
        return why;
    }

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
