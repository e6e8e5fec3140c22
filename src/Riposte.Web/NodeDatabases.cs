using Riposte.Storage;
using Riposte.Storage.Postgres.Node;
using Riposte.Storage.Sqlite;

namespace Riposte.Web;

/// <summary>The providers of a node's non-STIX tables this build ships with; the host and the CLI open them through it.</summary>
public static class NodeDatabases
{
    // PostgreSQL first: it claims only postgres:// URLs and Host=… strings; SQLite takes every other value as a path.
    public static NodeDatabaseFactory Factory { get; } = new([new PostgresDatabaseProvider(), new SqliteDatabaseProvider()]);

    /// <summary>The provider serving a <c>--db</c> value.</summary>
    public static INodeDatabaseProvider For(string db) => Factory.For(db);
}
