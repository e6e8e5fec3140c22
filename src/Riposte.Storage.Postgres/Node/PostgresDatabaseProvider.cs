using System.Data.Common;
using System.Globalization;
using Riposte.Storage.Access;
using Riposte.Storage.Federation;
using Riposte.Storage.Postgres.Access;
using Riposte.Storage.Postgres.Federation;
using Riposte.Storage.Postgres.Schema;
using Riposte.Storage.Postgres.Taxii;
using Riposte.Storage.Taxii;

namespace Riposte.Storage.Postgres.Node;

/// <summary>A node's non-STIX tables in its PostgreSQL database, shared by every replica; background work takes a leader lease.</summary>
public sealed class PostgresDatabaseProvider : INodeDatabaseProvider
{
    public string Name => "PostgreSQL";

    public bool CanOpen(string location) => PostgresLocation.Names(location);

    public IAccessRepositories OpenAccess(string location) => PostgresAccessRepositories.For(location);

    public IFederationRepository OpenFederation(string location) => PostgresFederationRepository.For(location);

    public ITaxiiStatusStore OpenTaxiiStatus(string location)
    {
        var statuses = PostgresTaxiiStatusStore.For(location);
        statuses.Migrate();
        return statuses;
    }

    public IReadOnlyList<(string TableSet, string Version)> SchemaVersions(string location)
    {
        var source = PostgresDataSources.For(location);
        int stix;
        using (var connection = source.OpenConnection())
            stix = PostgresSchema.CurrentVersion(connection);
        return
        [
            ("stix", stix.ToString(CultureInfo.InvariantCulture)),
            .. PostgresSchemaMigrator.Versions(source).Select(v => (v.Key, v.Value.ToString(CultureInfo.InvariantCulture))),
        ];
    }

    public ILeaderLease? OpenLeaderLease(string location, string name) =>
        new PostgresLeaderLease(PostgresLocation.ToConnectionString(location), name);

    public DbConnection OpenConnection(string location) => PostgresDataSources.For(location).OpenConnection();

    public void RealignKeyGenerators(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT setval(pg_get_serial_sequence('federation_tombstone', 'seq'), coalesce(max(seq), 1), max(seq) IS NOT NULL) FROM federation_tombstone
            """;
        command.ExecuteNonQuery();
    }
}
