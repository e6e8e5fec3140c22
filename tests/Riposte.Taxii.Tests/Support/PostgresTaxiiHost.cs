using Npgsql;
using Riposte.Storage;
using Riposte.Storage.Postgres;

namespace Riposte.Taxii.Tests.Support;

/// <summary>
/// The same node with its STIX store on a fresh PostgreSQL database, so the TAXII paging, filter, version
/// and manifest tests run on both providers. Without a server it does not start and each test skips
/// (under CI it fails: see <see cref="PostgresTestDatabase.Unavailable"/>).
/// </summary>
public sealed class PostgresTaxiiHost : TaxiiHost
{
    private PostgresTestDatabase? _database;
    private NpgsqlDataSource? _pool;
    private string? _unavailable;

    /// <summary>This host, or a skip when no PostgreSQL server is configured.</summary>
    public TaxiiHost Started()
    {
        if (_unavailable is not null)
            Assert.Skip(_unavailable);
        return this;
    }

    public override async ValueTask InitializeAsync()
    {
        _unavailable = PostgresTestDatabase.Unavailable();
        if (_unavailable is not null)
            return;
        _database = PostgresTestDatabase.Create();
        _pool = NpgsqlDataSource.Create(_database.ConnectionString);
        await base.InitializeAsync();
    }

    protected override IStixStore OpenStore(string folder)
    {
        var store = new PostgresStixStore(_pool!);
        store.Migrate();
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_pool is not null)
            await _pool.DisposeAsync();
        _database?.Dispose();
    }
}
