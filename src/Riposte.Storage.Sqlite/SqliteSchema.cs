using Microsoft.Data.Sqlite;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// The schema as ordered migration steps. <see cref="Migrate"/> applies the steps newer than the
/// recorded <c>schema_version</c>, each in its own transaction, so it is idempotent and resumable.
/// </summary>
internal static class SqliteSchema
{
    internal sealed record Step(int Version, string Description, string Sql);

    public static readonly IReadOnlyList<Step> Steps =
    [
        new(1, "objects, versions and index tables", """
            CREATE TABLE objects (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                version_key TEXT NOT NULL,
                type TEXT NOT NULL,
                spec_version TEXT,
                created_by_ref TEXT,
                date_added TEXT NOT NULL,
                is_latest INTEGER NOT NULL,
                json TEXT NOT NULL,
                hash BLOB NOT NULL,
                UNIQUE (id, version_key)
            );
            CREATE INDEX objects_type ON objects (type, seq);
            CREATE INDEX objects_date_added ON objects (date_added);
            -- A newer version takes over the latest flag inside SQLite, so a write is one statement from .NET.
            CREATE TRIGGER objects_latest AFTER INSERT ON objects WHEN NEW.is_latest = 1
            BEGIN
                UPDATE objects SET is_latest = 0 WHERE id = NEW.id AND is_latest = 1 AND seq <> NEW.seq;
            END;
            CREATE TABLE markings (marking_ref TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (marking_ref, seq)) WITHOUT ROWID;
            CREATE TABLE labels (label TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (label, seq)) WITHOUT ROWID;
            CREATE TABLE external_ids (
                external_id TEXT NOT NULL, source_name TEXT NOT NULL, seq INTEGER NOT NULL,
                PRIMARY KEY (external_id, source_name, seq)) WITHOUT ROWID;
            CREATE TABLE refs (
                target_id TEXT NOT NULL, property TEXT NOT NULL, seq INTEGER NOT NULL,
                PRIMARY KEY (target_id, property, seq)) WITHOUT ROWID;
            CREATE TABLE collection_objects (collection_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (collection_id, seq)) WITHOUT ROWID;
            CREATE INDEX collection_objects_seq ON collection_objects (seq);
            CREATE VIRTUAL TABLE object_text USING fts5 (
                name, description, other,
                content = '', contentless_delete = 1,
                tokenize = 'unicode61 remove_diacritics 2');
            """),
        // The writer keeps the latest flag itself: the trigger's statement journal made FTS5 flush per object.
        // A re-sent version is compared with the stored JSON directly, so no per-object hash is computed or kept.
        new(2, "the writer elects the latest version; no content hash", """
            DROP TRIGGER IF EXISTS objects_latest;
            ALTER TABLE objects DROP COLUMN hash;
            """),
    ];

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL, description TEXT NOT NULL); SELECT coalesce(max(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int Migrate(SqliteConnection connection, TimeProvider clock)
    {
        var current = CurrentVersion(connection);
        var latest = Steps[^1].Version;
        if (current > latest)
            throw new InvalidOperationException($"the store's schema version {current} is newer than this program knows ({latest}); upgrade Riposte");
        foreach (var step in Steps.Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = step.Sql + "; INSERT INTO schema_version (version, applied, description) VALUES ($version, $applied, $description);";
            command.Parameters.AddWithValue("$version", step.Version);
            command.Parameters.AddWithValue("$applied", SqliteText.Instant(clock.GetUtcNow()));
            command.Parameters.AddWithValue("$description", step.Description);
            command.ExecuteNonQuery();
            transaction.Commit();
            current = step.Version;
        }
        return current;
    }
}
