using Microsoft.Data.Sqlite;

namespace Riposte.Analytics.Storage;

/// <summary>
/// The post tables. They can share a database file with the STIX store: every name starts with "post" and the
/// migration only creates what is missing. block_id and source_id are deliberately not declared as foreign keys:
/// Microsoft.Data.Sqlite turns foreign keys on, and deleting an unreferenced evidence block would then scan every post
/// (no index on block_id); the writer is the only place that sets them.
/// </summary>
internal static class PostSchema
{
    public const int Version = 1;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS post_schema (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS post_sources (
            source_id   INTEGER PRIMARY KEY,
            file_name   TEXT NOT NULL,
            format      TEXT NOT NULL,
            captured_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS post_evidence_blocks (
            block_id   INTEGER PRIMARY KEY,
            codec      TEXT NOT NULL,
            raw_length INTEGER NOT NULL,
            data       BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS posts (
            platform          TEXT NOT NULL,
            id                TEXT NOT NULL,
            author_id         TEXT NOT NULL,
            author_handle     TEXT,
            author_created_at INTEGER,
            created_at        INTEGER NOT NULL,
            text              TEXT NOT NULL,
            urls              TEXT,
            hashtags          TEXT,
            mentions          TEXT,
            reply_to_id       TEXT,
            repost_of_id      TEXT,
            quote_of_id       TEXT,
            language          TEXT,
            likes             INTEGER,
            reposts           INTEGER,
            replies           INTEGER,
            quotes            INTEGER,
            views             INTEGER,
            raw_sha256        BLOB,
            block_id          INTEGER,
            block_offset      INTEGER,
            raw_length        INTEGER,
            source_id         INTEGER,
            source_line       INTEGER,
            source_path       TEXT,
            UNIQUE (platform, id)
        );
        CREATE INDEX IF NOT EXISTS posts_by_created_at ON posts (created_at);
        """;

    public static void Migrate(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CreateTables;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT max(version) FROM post_schema";
        var current = command.ExecuteScalar() as long?;
        if (current is null)
        {
            command.CommandText = $"INSERT INTO post_schema (version) VALUES ({Version})";
            command.ExecuteNonQuery();
        }
        else if (current > Version)
        {
            throw new InvalidOperationException($"the post tables are at schema version {current}, newer than this build ({Version})");
        }
    }

    public static void Tune(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824; PRAGMA busy_timeout=10000;";
        command.ExecuteNonQuery();
    }
}
