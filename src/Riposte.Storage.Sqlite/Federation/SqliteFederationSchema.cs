namespace Riposte.Storage.Sqlite.Federation;

/// <summary>The federation tables (prefix <c>federation_</c>), so they can share a file with the STIX store and the access tables.</summary>
internal static class SqliteFederationSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS federation_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS federation_peer (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            protected_token TEXT NOT NULL,
            out_collections TEXT NOT NULL,
            in_collections TEXT NOT NULL,
            out_max TEXT NOT NULL,
            in_max TEXT NOT NULL,
            push INTEGER NOT NULL,
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS federation_cursor (
            peer TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (peer, name));
        CREATE TABLE IF NOT EXISTS federation_status (
            peer TEXT PRIMARY KEY,
            remote_head TEXT,
            last_contact TEXT,
            last_error TEXT,
            last_error_at TEXT,
            applied INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            lag_ms INTEGER);
        CREATE TABLE IF NOT EXISTS federation_provenance (
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            origin TEXT NOT NULL,
            path TEXT NOT NULL,
            via_peer TEXT,
            received TEXT NOT NULL,
            PRIMARY KEY (id, version)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS federation_tombstone (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL,
            version TEXT,
            collection_id TEXT,
            at TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'Deleted',
            stub TEXT);
        CREATE INDEX IF NOT EXISTS federation_tombstone_id ON federation_tombstone (id, version);
        """;
}
