using System.Globalization;
using Npgsql;

namespace Riposte.Storage.Postgres.Schema;

/// <summary>
/// Applies the ordered schema steps of one table set (a "component": access, federation, taxii, …) and
/// records each in <c>riposte_schema_version</c>. Every replica calls it on start: a transaction-level
/// advisory lock makes two replicas starting at once apply each step exactly once, the second waiting
/// for the first and then finding nothing left to do.
/// </summary>
public static class PostgresSchemaMigrator
{
    /// <summary>The advisory lock key all migrations share (any constant; "RIPOSTE1" in ASCII).</summary>
    private const long MigrationLock = 0x5249504F53544531;

    /// <summary>Applies the steps of <paramref name="component"/> not yet recorded; returns its schema version afterwards.</summary>
    /// <param name="steps">Step 1 is <c>steps[0]</c>; steps are only ever appended, never edited once released.</param>
    public static int Migrate(NpgsqlDataSource source, string component, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock.ToString(CultureInfo.InvariantCulture)})");
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS riposte_schema_version (
                component text NOT NULL,
                version integer NOT NULL,
                applied timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (component, version))
            """);
        var current = CurrentVersion(connection, transaction, component);
        if (current > steps.Count)
            throw new InvalidOperationException(
                $"the database's {component} tables are at schema version {current}, newer than this build knows ({steps.Count}): upgrade riposte");
        for (var step = current + 1; step <= steps.Count; step++)
        {
            Execute(connection, transaction, steps[step - 1]);
            using var record = new NpgsqlCommand("INSERT INTO riposte_schema_version (component, version) VALUES (@c, @v)", connection, transaction);
            record.Parameters.AddWithValue("c", component);
            record.Parameters.AddWithValue("v", step);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
        return steps.Count;
    }

    /// <summary>Every component's schema version in this database (empty when never migrated).</summary>
    public static IReadOnlyDictionary<string, int> Versions(NpgsqlDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var versions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        using var connection = source.OpenConnection();
        using var exists = new NpgsqlCommand("SELECT to_regclass('riposte_schema_version') IS NOT NULL", connection);
        if (exists.ExecuteScalar() is not true)
            return versions;
        using var command = new NpgsqlCommand("SELECT component, max(version) FROM riposte_schema_version GROUP BY component", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            versions[reader.GetString(0)] = reader.GetInt32(1);
        return versions;
    }

    private static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction transaction, string component)
    {
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM riposte_schema_version WHERE component = @c", connection, transaction);
        command.Parameters.AddWithValue("c", component);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
