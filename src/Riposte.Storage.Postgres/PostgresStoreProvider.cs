using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>Serves <c>postgres://</c> and <c>postgresql://</c> URLs and Npgsql connection strings (<c>Host=…;Database=…</c>).</summary>
public sealed class PostgresStoreProvider : IStixStoreProvider
{
    public string Name => "PostgreSQL";

    public bool CanOpen(string location) => PostgresLocation.Names(location);

    /// <exception cref="InvalidOperationException">The server cannot be reached or refuses the login or the database; the message names the location without its password.</exception>
    public IStixStore Open(StoreOptions options)
    {
        var store = new PostgresStixStore(options.Location, options.Clock);
        try
        {
            if (options.MigrateOnOpen)
                store.Migrate();
            return store;
        }
        catch (NpgsqlException e)
        {
            store.Dispose();
            throw PostgresLocation.CannotOpen(options.Location, e);
        }
    }
}
