namespace Riposte.Storage.Sqlite;

/// <summary>Serves any <c>--db</c> value that is not a URL: a file path, created on first use.</summary>
public sealed class SqliteStoreProvider : IStixStoreProvider
{
    public string Name => "SQLite";

    public bool CanOpen(string location) =>
        !location.Contains("://", StringComparison.Ordinal) || location.StartsWith("file://", StringComparison.OrdinalIgnoreCase);

    public IStixStore Open(StoreOptions options)
    {
        var path = options.Location.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? new Uri(options.Location).LocalPath
            : options.Location;
        var store = new SqliteStixStore(path, options.Clock);
        try
        {
            if (options.MigrateOnOpen)
                store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
