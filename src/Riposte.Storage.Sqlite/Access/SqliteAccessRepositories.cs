using Riposte.Storage.Access;

namespace Riposte.Storage.Sqlite.Access;

/// <summary>Every access repository over one SQLite database (it may be the same file as the STIX store).</summary>
public sealed class SqliteAccessRepositories : IAccessRepositories
{
    private readonly SqliteAccessDatabase _database;

    public SqliteAccessRepositories(SqliteAccessDatabase database)
    {
        _database = database;
        Organizations = new SqliteOrganizationRepository(database);
        Users = new SqliteUserRepository(database);
        Tokens = new SqliteTokenRepository(database);
        Collections = new SqliteCollectionRepository(database);
        Audit = new SqliteAuditRepository(database);
    }

    /// <summary>Repositories over a database file, created when missing.</summary>
    public static SqliteAccessRepositories ForFile(string path) => new(SqliteAccessDatabase.ForFile(path));

    public IOrganizationRepository Organizations { get; }
    public IUserRepository Users { get; }
    public ITokenRepository Tokens { get; }
    public ICollectionRepository Collections { get; }
    public IAuditRepository Audit { get; }

    public void Migrate() => _database.Migrate();
}
