namespace Riposte.Storage;

/// <summary>
/// Opens a store from a <c>--db</c> value by asking each registered provider in turn. URLs no provider
/// serves get a clear message rather than being mistaken for file names.
/// </summary>
public sealed class StoreFactory(IEnumerable<IStixStoreProvider> providers)
{
    private readonly IReadOnlyList<IStixStoreProvider> _providers = [.. providers];

    public IStixStore Open(string location) => Open(new StoreOptions { Location = location });

    public IStixStore Open(StoreOptions options)
    {
        var location = options.Location;
        if (string.IsNullOrWhiteSpace(location))
            throw new ArgumentException("no store location given: pass --db with a file path (SQLite) or a postgres:// URL", nameof(options));
        foreach (var provider in _providers)
        {
            if (provider.CanOpen(location))
                return provider.Open(options);
        }
        if (location.Contains("://", StringComparison.Ordinal))
            throw new NotSupportedException($"no store provider for '{Redact(location)}'; pass --db with a file path (SQLite) or a postgres:// URL");
        throw new NotSupportedException($"no store provider can open '{location}'");
    }

    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Hides a password in a URL so error messages never print it.</summary>
    public static string Redact(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
            return location;
        var user = uri.UserInfo.Split(':')[0];
        return location.Replace(uri.UserInfo, user + ":***", StringComparison.Ordinal);
    }
}
