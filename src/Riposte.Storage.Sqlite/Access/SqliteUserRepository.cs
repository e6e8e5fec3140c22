using Microsoft.Data.Sqlite;
using Riposte.Storage.Access;
using static Riposte.Storage.Sqlite.Access.SqliteCommands;

namespace Riposte.Storage.Sqlite.Access;

public sealed class SqliteUserRepository(SqliteAccessDatabase database) : IUserRepository
{
    private const string Columns = "id, name, organization_id, role, password_hash, created, disabled";

    public bool Add(UserRecord user)
    {
        using var connection = database.Open();
        try
        {
            Execute(connection,
                "INSERT INTO access_user (id, name, organization_id, role, password_hash, created, disabled) VALUES ($id, $name, $org, $role, $hash, $created, $disabled)",
                Parameters(user));
            return true;
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    public bool Update(UserRecord user)
    {
        using var connection = database.Open();
        return Execute(connection,
            "UPDATE access_user SET name = $name, organization_id = $org, role = $role, password_hash = $hash, disabled = $disabled WHERE id = $id",
            Parameters(user)) == 1;
    }

    public UserRecord? Get(string id)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_user WHERE id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public UserRecord? GetByName(string name)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_user WHERE name = $name", Map, ("$name", name)).FirstOrDefault();
    }

    public IReadOnlyList<UserRecord> List(string? organizationId = null)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_user WHERE $org IS NULL OR organization_id = $org ORDER BY name", Map, ("$org", organizationId));
    }

    private static (string, object?)[] Parameters(UserRecord user) =>
    [
        ("$id", user.Id), ("$name", user.Name), ("$org", user.OrganizationId), ("$role", user.Role),
        ("$hash", user.PasswordHash), ("$created", SqliteAccessDatabase.FormatTime(user.Created)), ("$disabled", user.Disabled ? 1 : 0),
    ];

    private static UserRecord Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), SqliteAccessDatabase.GetStringOrNull(r, 4),
        SqliteAccessDatabase.ParseTime(r.GetString(5)), r.GetInt64(6) != 0);
}
