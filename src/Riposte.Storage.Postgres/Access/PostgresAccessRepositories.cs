using Npgsql;
using Riposte.Storage.Access;
using Riposte.Storage.Postgres.Schema;

namespace Riposte.Storage.Postgres.Access;

/// <summary>Every access repository over one PostgreSQL database (the node's, shared by all its replicas).</summary>
public sealed class PostgresAccessRepositories : IAccessRepositories
{
    private readonly NpgsqlDataSource _source;

    public PostgresAccessRepositories(NpgsqlDataSource source)
    {
        _source = source;
        Organizations = new PostgresOrganizationRepository(source);
        Users = new PostgresUserRepository(source);
        Tokens = new PostgresTokenRepository(source);
        Collections = new PostgresCollectionRepository(source);
        Audit = new PostgresAuditRepository(source);
    }

    /// <summary>Repositories over the database a <c>--db</c> value names (URL or connection string).</summary>
    public static PostgresAccessRepositories For(string location) => new(PostgresDataSources.For(location));

    public IOrganizationRepository Organizations { get; }
    public IUserRepository Users { get; }
    public ITokenRepository Tokens { get; }
    public ICollectionRepository Collections { get; }
    public IAuditRepository Audit { get; }

    public void Migrate() => PostgresSchemaMigrator.Migrate(_source, PostgresAccessSchema.Component, PostgresAccessSchema.Steps);
}
