namespace Riposte.Storage.Sqlite.Access;

/// <summary>The access tables. Kept apart from the STIX store's tables (prefix <c>access_</c>) so both can share one file.</summary>
internal static class SqliteAccessSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS access_organization (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            tier TEXT NOT NULL,
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS access_org_client (
            provider_id TEXT NOT NULL REFERENCES access_organization(id),
            client_id TEXT NOT NULL REFERENCES access_organization(id),
            PRIMARY KEY (provider_id, client_id));
        CREATE TABLE IF NOT EXISTS access_group_member (
            group_name TEXT NOT NULL,
            organization_id TEXT NOT NULL REFERENCES access_organization(id),
            PRIMARY KEY (group_name, organization_id));
        CREATE TABLE IF NOT EXISTS access_user (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            organization_id TEXT NOT NULL REFERENCES access_organization(id),
            role TEXT NOT NULL,
            password_hash TEXT,
            created TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS access_token (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES access_user(id),
            name TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            expires TEXT,
            revoked TEXT,
            last_used TEXT);
        CREATE INDEX IF NOT EXISTS access_token_user ON access_token(user_id);
        CREATE TABLE IF NOT EXISTS access_collection (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT,
            media_types TEXT NOT NULL,
            created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS access_grant (
            collection_id TEXT NOT NULL REFERENCES access_collection(id),
            grantee_kind TEXT NOT NULL,
            grantee TEXT NOT NULL,
            can_read INTEGER NOT NULL,
            can_write INTEGER NOT NULL,
            PRIMARY KEY (collection_id, grantee_kind, grantee));
        CREATE TABLE IF NOT EXISTS access_audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id TEXT NOT NULL,
            organization_id TEXT NOT NULL,
            action TEXT NOT NULL,
            object_id TEXT,
            collection_id TEXT,
            remote_address TEXT,
            allowed INTEGER NOT NULL,
            reason TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS access_audit_at ON access_audit(at);
        CREATE INDEX IF NOT EXISTS access_audit_user ON access_audit(user_id);
        CREATE INDEX IF NOT EXISTS access_audit_object ON access_audit(object_id);
        -- The log is append-only: the code has no UPDATE or DELETE, and the database refuses them too.
        -- Whoever can drop these triggers can edit rows; the hash chain (Verify) catches that.
        CREATE TRIGGER IF NOT EXISTS access_audit_no_update BEFORE UPDATE ON access_audit
            BEGIN SELECT RAISE(ABORT, 'access_audit is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS access_audit_no_delete BEFORE DELETE ON access_audit
            BEGIN SELECT RAISE(ABORT, 'access_audit is append-only'); END;
        """;
}
