using System.Text.Json;
using Microsoft.Data.Sqlite;
using Riposte.Storage.Access;
using static Riposte.Storage.Sqlite.Access.SqliteCommands;

namespace Riposte.Storage.Sqlite.Access;

public sealed class SqliteCollectionRepository(SqliteAccessDatabase database) : ICollectionRepository
{
    private const string Columns = "id, title, description, media_types, created";

    public bool Add(CollectionRecord collection)
    {
        using var connection = database.Open();
        try
        {
            Execute(connection, "INSERT INTO access_collection (id, title, description, media_types, created) VALUES ($id, $title, $description, $media, $created)",
                ("$id", collection.Id), ("$title", collection.Title), ("$description", collection.Description),
                ("$media", JsonSerializer.Serialize(collection.MediaTypes)), ("$created", SqliteAccessDatabase.FormatTime(collection.Created)));
            return true;
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    public CollectionRecord? Get(string id)
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_collection WHERE id = $id", Map, ("$id", id)).FirstOrDefault();
    }

    public IReadOnlyList<CollectionRecord> List()
    {
        using var connection = database.Open();
        return Query(connection, $"SELECT {Columns} FROM access_collection ORDER BY title, id", Map);
    }

    public void SetGrant(CollectionGrant grant)
    {
        using var connection = database.Open();
        Execute(connection,
            """
            INSERT INTO access_grant (collection_id, grantee_kind, grantee, can_read, can_write) VALUES ($c, $k, $g, $r, $w)
            ON CONFLICT (collection_id, grantee_kind, grantee) DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write
            """,
            ("$c", grant.CollectionId), ("$k", GranteeKinds.ToText(grant.Kind)), ("$g", grant.Grantee), ("$r", grant.Read ? 1 : 0), ("$w", grant.Write ? 1 : 0));
    }

    public bool RemoveGrant(string collectionId, GranteeKind kind, string grantee)
    {
        using var connection = database.Open();
        return Execute(connection, "DELETE FROM access_grant WHERE collection_id = $c AND grantee_kind = $k AND grantee = $g",
            ("$c", collectionId), ("$k", GranteeKinds.ToText(kind)), ("$g", grantee)) == 1;
    }

    public IReadOnlyList<CollectionGrant> ListGrants(string? collectionId = null)
    {
        using var connection = database.Open();
        return Query(connection,
            "SELECT collection_id, grantee_kind, grantee, can_read, can_write FROM access_grant WHERE $c IS NULL OR collection_id = $c",
            r => new CollectionGrant(r.GetString(0), GranteeKinds.Parse(r.GetString(1)), r.GetString(2), r.GetInt64(3) != 0, r.GetInt64(4) != 0),
            ("$c", collectionId));
    }

    private static CollectionRecord Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), SqliteAccessDatabase.GetStringOrNull(r, 2),
        JsonSerializer.Deserialize<string[]>(r.GetString(3)) ?? [], SqliteAccessDatabase.ParseTime(r.GetString(4)));
}
