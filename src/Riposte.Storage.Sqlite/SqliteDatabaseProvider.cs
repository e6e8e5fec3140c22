using Microsoft.Data.Sqlite;
using Riposte.Storage.Access;
using Riposte.Storage.Federation;
using Riposte.Storage.Sqlite.Access;
using Riposte.Storage.Sqlite.Federation;
using Riposte.Storage.Sqlite.Taxii;
using Riposte.Storage.Taxii;

namespace Riposte.Storage.Sqlite;

/// <summary>A node's non-STIX tables in its SQLite file, beside the store. One process is the whole node: no leader lease.</summary>
public sealed class SqliteDatabaseProvider : INodeDatabaseProvider
{
    public string Name => "SQLite";

    public bool CanOpen(string location) => new SqliteStoreProvider().CanOpen(location);

    public IAccessRepositories OpenAccess(string location) => SqliteAccessRepositories.ForFile(PathOf(location));

    public IFederationRepository OpenFederation(string location) => SqliteFederationRepository.ForFile(PathOf(location));

    public ITaxiiStatusStore OpenTaxiiStatus(string location)
    {
        var statuses = new SqliteTaxiiStatusStore(PathOf(location));
        statuses.Migrate();
        return statuses;
    }

    public IReadOnlyList<(string TableSet, string Version)> SchemaVersions(string location)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = PathOf(location) }.ToString());
        connection.Open();
        // The access, federation and TAXII tables upgrade in place (CREATE … IF NOT EXISTS, added columns): no numbered steps.
        return
        [
            ("stix", SqliteSchema.CurrentVersion(connection).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("access", TableExists(connection, "access_audit") ? "current" : "absent"),
            ("federation", TableExists(connection, "federation_tombstone") ? "current" : "absent"),
            ("taxii", TableExists(connection, "taxii_status") ? "current" : "absent"),
        ];
    }

    public ILeaderLease? OpenLeaderLease(string location, string name) => null;

    public System.Data.Common.DbConnection OpenConnection(string location)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = PathOf(location), ForeignKeys = true }.ToString());
        connection.Open();
        return connection;
    }

    // AUTOINCREMENT keeps sqlite_sequence past explicit keys by itself.
    public void RealignKeyGenerators(System.Data.Common.DbConnection connection)
    {
    }

    /// <summary>The file a <c>--db</c> value names (a path, or a <c>file://</c> URL).</summary>
    public static string PathOf(string location) =>
        location.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(location).LocalPath : location;

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
