using Riposte.Storage;

namespace Riposte.Web.Maintenance;

/// <summary><c>riposte migrate</c>: creates or upgrades every table set of a node's database and says at which version each is.</summary>
public static class NodeMigrator
{
    public static IReadOnlyList<(string TableSet, string Version)> Migrate(string db)
    {
        using (var store = StixStores.Factory.Open(new StoreOptions { Location = db }))
            store.Migrate();
        var tables = NodeDatabases.For(db);
        MigrateTables(tables, db);
        return tables.SchemaVersions(db);
    }

    /// <summary>The access, federation and TAXII status tables (the STIX store migrates when opened).</summary>
    internal static void MigrateTables(INodeDatabaseProvider tables, string db)
    {
        tables.OpenAccess(db).Migrate();
        tables.OpenFederation(db).Migrate();
        tables.OpenTaxiiStatus(db);
    }
}
