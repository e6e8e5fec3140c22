using Npgsql;
using Riposte.Storage.Access;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Access;

public sealed class PostgresTokenRepository(NpgsqlDataSource source) : ITokenRepository
{
    private const string Columns = "id, user_id, name, secret_hash, created, expires, revoked, last_used";

    public void Add(TokenRecord token)
    {
        using var connection = source.OpenConnection();
        Execute(connection,
            "INSERT INTO access_token (id, user_id, name, secret_hash, created, expires, revoked, last_used) VALUES (@id, @user, @name, @hash, @created, @expires, @revoked, @used)",
            ("id", token.Id), ("user", token.UserId), ("name", token.Name), ("hash", token.SecretHash), ("created", FormatTime(token.Created)),
            ("expires", FormatTime(token.Expires)), ("revoked", FormatTime(token.Revoked)), ("used", FormatTime(token.LastUsed)));
    }

    public TokenRecord? Get(string id)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_token WHERE id = @id", Map, ("id", id)).FirstOrDefault();
    }

    public TokenRecord? FindBySecretHash(string secretHash)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_token WHERE secret_hash = @hash", Map, ("hash", secretHash)).FirstOrDefault();
    }

    public IReadOnlyList<TokenRecord> ListForUser(string userId)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_token WHERE user_id = @user ORDER BY created", Map, ("user", userId));
    }

    public bool Revoke(string id, DateTimeOffset at)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, "UPDATE access_token SET revoked = @at WHERE id = @id AND revoked IS NULL", ("id", id), ("at", FormatTime(at))) == 1;
    }

    public void TouchLastUsed(string id, DateTimeOffset at)
    {
        using var connection = source.OpenConnection();
        Execute(connection, "UPDATE access_token SET last_used = @at WHERE id = @id", ("id", id), ("at", FormatTime(at)));
    }

    private static TokenRecord Map(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ParseTime(r.GetString(4)), TimeOrNull(r, 5), TimeOrNull(r, 6), TimeOrNull(r, 7));
}
