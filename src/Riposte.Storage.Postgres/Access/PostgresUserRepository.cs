using Npgsql;
using Riposte.Storage.Access;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Access;

public sealed class PostgresUserRepository(NpgsqlDataSource source) : IUserRepository
{
    private const string Columns = "id, name, organization_id, role, password_hash, created, disabled";

    public bool Add(UserRecord user)
    {
        using var connection = source.OpenConnection();
        // No conflict target: a taken id and a taken name both answer false.
        return Execute(connection,
            "INSERT INTO access_user (id, name, organization_id, role, password_hash, created, disabled) VALUES (@id, @name, @org, @role, @hash, @created, @disabled) ON CONFLICT DO NOTHING",
            Parameters(user)) == 1;
    }

    public bool Update(UserRecord user)
    {
        using var connection = source.OpenConnection();
        return Execute(connection,
            "UPDATE access_user SET name = @name, organization_id = @org, role = @role, password_hash = @hash, disabled = @disabled WHERE id = @id",
            Parameters(user)) == 1;
    }

    public UserRecord? Get(string id)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_user WHERE id = @id", Map, ("id", id)).FirstOrDefault();
    }

    public UserRecord? GetByName(string name)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_user WHERE name = @name", Map, ("name", name)).FirstOrDefault();
    }

    public IReadOnlyList<UserRecord> List(string? organizationId = null)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_user WHERE @org::text IS NULL OR organization_id = @org ORDER BY name COLLATE \"C\"", Map,
            ("org", organizationId));
    }

    private static (string, object?)[] Parameters(UserRecord user) =>
    [
        ("id", user.Id), ("name", user.Name), ("org", user.OrganizationId), ("role", user.Role),
        ("hash", user.PasswordHash), ("created", FormatTime(user.Created)), ("disabled", user.Disabled),
    ];

    private static UserRecord Map(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), TextOrNull(r, 4), ParseTime(r.GetString(5)), r.GetBoolean(6));
}
