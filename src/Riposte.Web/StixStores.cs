using Riposte.Storage;
using Riposte.Storage.Postgres;
using Riposte.Storage.Sqlite;

namespace Riposte.Web;

/// <summary>
/// The store providers this build ships with; the host and the command line open stores through it. It lives
/// in the composition root so that the SQLite and PostgreSQL providers stay independent of each other.
/// </summary>
public static class StixStores
{
    public static StoreFactory Factory { get; } = new([new PostgresStoreProvider(), new SqliteStoreProvider()]);

    /// <summary>Opens (creating and migrating if needed) the store a <c>--db</c> value names.</summary>
    public static IStixStore Open(string location) => Factory.Open(location);
}
