namespace Riposte.Storage;

/// <summary>Picks the provider of a node's non-STIX tables for a <c>--db</c> value, as <see cref="StoreFactory"/> does for the store.</summary>
public sealed class NodeDatabaseFactory(IEnumerable<INodeDatabaseProvider> providers)
{
    private readonly IReadOnlyList<INodeDatabaseProvider> _providers = [.. providers];

    /// <exception cref="NotSupportedException">No provider serves the location.</exception>
    public INodeDatabaseProvider For(string location)
    {
        if (string.IsNullOrWhiteSpace(location))
            throw new ArgumentException("no database location given: pass --db with a file path (SQLite) or a postgres:// URL", nameof(location));
        return _providers.FirstOrDefault(p => p.CanOpen(location))
            ?? throw new NotSupportedException($"no database provider for '{StoreFactory.Redact(location)}'; pass --db with a file path (SQLite) or a postgres:// URL");
    }
}
