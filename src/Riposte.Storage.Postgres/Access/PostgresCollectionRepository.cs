using System.Text.Json;
using Npgsql;
using Riposte.Storage.Access;
using static Riposte.Storage.Postgres.Schema.PostgresCommands;

namespace Riposte.Storage.Postgres.Access;

public sealed class PostgresCollectionRepository(NpgsqlDataSource source) : ICollectionRepository
{
    private const string Columns = "id, title, description, media_types, created";

    public bool Add(CollectionRecord collection)
    {
        using var connection = source.OpenConnection();
        return Execute(connection,
            "INSERT INTO access_collection (id, title, description, media_types, created) VALUES (@id, @title, @description, @media, @created) ON CONFLICT DO NOTHING",
            ("id", collection.Id), ("title", collection.Title), ("description", collection.Description),
            ("media", JsonSerializer.Serialize(collection.MediaTypes)), ("created", FormatTime(collection.Created))) == 1;
    }

    public CollectionRecord? Get(string id)
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_collection WHERE id = @id", Map, ("id", id)).FirstOrDefault();
    }

    public IReadOnlyList<CollectionRecord> List()
    {
        using var connection = source.OpenConnection();
        return Query(connection, $"SELECT {Columns} FROM access_collection ORDER BY title COLLATE \"C\", id COLLATE \"C\"", Map);
    }

    public void SetGrant(CollectionGrant grant)
    {
        using var connection = source.OpenConnection();
        Execute(connection,
            """
            INSERT INTO access_grant (collection_id, grantee_kind, grantee, can_read, can_write) VALUES (@c, @k, @g, @r, @w)
            ON CONFLICT (collection_id, grantee_kind, grantee) DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write
            """,
            ("c", grant.CollectionId), ("k", GranteeKinds.ToText(grant.Kind)), ("g", grant.Grantee), ("r", grant.Read), ("w", grant.Write));
    }

    public bool RemoveGrant(string collectionId, GranteeKind kind, string grantee)
    {
        using var connection = source.OpenConnection();
        return Execute(connection, "DELETE FROM access_grant WHERE collection_id = @c AND grantee_kind = @k AND grantee = @g",
            ("c", collectionId), ("k", GranteeKinds.ToText(kind)), ("g", grantee)) == 1;
    }

    public IReadOnlyList<CollectionGrant> ListGrants(string? collectionId = null)
    {
        using var connection = source.OpenConnection();
        return Query(connection,
            "SELECT collection_id, grantee_kind, grantee, can_read, can_write FROM access_grant WHERE @c::text IS NULL OR collection_id = @c",
            r => new CollectionGrant(r.GetString(0), GranteeKinds.Parse(r.GetString(1)), r.GetString(2), r.GetBoolean(3), r.GetBoolean(4)),
            ("c", collectionId));
    }

    private static CollectionRecord Map(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), TextOrNull(r, 2), JsonSerializer.Deserialize<string[]>(r.GetString(3)) ?? [], ParseTime(r.GetString(4)));
}
