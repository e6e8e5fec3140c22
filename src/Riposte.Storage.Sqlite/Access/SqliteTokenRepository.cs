using Microsoft.Data.Sqlite;
using Riposte.Storage.Access;
using static Riposte.Storage.Sqlite.Access.SqliteCommands;

namespace Riposte.Storage.Sqlite.Access;

public sealed class SqliteTokenRepository(SqliteAccessDatabase database) : ITokenRepository
{
    private const string Columns = "id, user_id, name, secret_hash, created, expires, revoked, last_used";

    public void Add(TokenRecord token)
    {
        using var connection = database.Open();
        Execute(connection,
            "INSERT INTO access_token (id, user_id, name, secret_hash, created, expires, revoked, last_used) VALUES ($id, $user, $name, $hash, $created, $expires, $revoked, $used)",
            ("$id", token.Id), ("$user", token.UserId), ("$name", token.Name), ("$hash", token.SecretHash),
            ("$created", SqliteAccessDatabase.FormatTime(token.Created)), ("$expires", SqliteAccessDatabase.FormatTime(token.Expires)),
            ("$revoked", SqliteAccessDatabase.FormatTime(token.Revoked)), ("$used", SqliteAccessDatabase.FormatTime(token.LastUsed)));
    }

    public TokenRecord? Get(string id)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_token WHERE id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public TokenRecord? FindBySecretHash(string secretHash)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_token WHERE secret_hash = $hash", Map, ("$hash", secretHash)).FirstOrDefault();
    }

    public IReadOnlyList<TokenRecord> ListForUser(string userId)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_token WHERE user_id = $user ORDER BY created", Map, ("$user", userId));
    }

    public bool Revoke(string id, DateTimeOffset at)
    {
        using var connection = database.Open();
        return Execute(connection, "UPDATE access_token SET revoked = $at WHERE id = $id AND revoked IS NULL",
            ("$id", id), ("$at", SqliteAccessDatabase.FormatTime(at))) == 1;
    }

    public void TouchLastUsed(string id, DateTimeOffset at)
    {
        using var connection = database.Open();
        Execute(connection, "UPDATE access_token SET last_used = $at WHERE id = $id", ("$id", id), ("$at", SqliteAccessDatabase.FormatTime(at)));
    }

    private static TokenRecord Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), SqliteAccessDatabase.ParseTime(r.GetString(4)),
        SqliteAccessDatabase.ParseTimeOrNull(r, 5), SqliteAccessDatabase.ParseTimeOrNull(r, 6), SqliteAccessDatabase.ParseTimeOrNull(r, 7));
}
