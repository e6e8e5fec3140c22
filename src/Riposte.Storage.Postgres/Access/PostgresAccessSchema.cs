namespace Riposte.Storage.Postgres.Access;

/// <summary>
/// The access tables, named as in SQLite (prefix <c>access_</c>) so <c>riposte copy</c> maps them one to one.
/// Times are fixed-width UTC text (see PostgresCommands): the audit hash covers them to the tick.
/// </summary>
internal static class PostgresAccessSchema
{
    public const string Component = "access";

    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE access_organization (
            id text PRIMARY KEY,
            name text NOT NULL,
            tier text NOT NULL,
            created text NOT NULL);
        CREATE TABLE access_org_client (
            provider_id text NOT NULL REFERENCES access_organization(id),
            client_id text NOT NULL REFERENCES access_organization(id),
            PRIMARY KEY (provider_id, client_id));
        CREATE TABLE access_group_member (
            group_name text NOT NULL,
            organization_id text NOT NULL REFERENCES access_organization(id),
            PRIMARY KEY (group_name, organization_id));
        CREATE TABLE access_user (
            id text PRIMARY KEY,
            name text NOT NULL UNIQUE,
            organization_id text NOT NULL REFERENCES access_organization(id),
            role text NOT NULL,
            password_hash text,
            created text NOT NULL,
            disabled boolean NOT NULL DEFAULT false);
        CREATE TABLE access_token (
            id text PRIMARY KEY,
            user_id text NOT NULL REFERENCES access_user(id),
            name text NOT NULL,
            secret_hash text NOT NULL UNIQUE,
            created text NOT NULL,
            expires text,
            revoked text,
            last_used text);
        CREATE INDEX access_token_user ON access_token(user_id);
        CREATE TABLE access_collection (
            id text PRIMARY KEY,
            title text NOT NULL,
            description text,
            media_types text NOT NULL,
            created text NOT NULL);
        CREATE TABLE access_grant (
            collection_id text NOT NULL REFERENCES access_collection(id),
            grantee_kind text NOT NULL,
            grantee text NOT NULL,
            can_read boolean NOT NULL,
            can_write boolean NOT NULL,
            PRIMARY KEY (collection_id, grantee_kind, grantee));
        CREATE TABLE access_audit (
            seq bigint PRIMARY KEY,
            at text NOT NULL,
            user_id text NOT NULL,
            organization_id text NOT NULL,
            action text NOT NULL,
            object_id text,
            collection_id text,
            remote_address text,
            allowed boolean NOT NULL,
            reason text,
            previous_hash text NOT NULL,
            hash text NOT NULL);
        CREATE INDEX access_audit_at ON access_audit(at);
        CREATE INDEX access_audit_user ON access_audit(user_id);
        CREATE INDEX access_audit_object ON access_audit(object_id);
        -- The log is append-only: the code has no UPDATE or DELETE, and the database refuses them too.
        -- Whoever can drop these triggers can edit rows; the hash chain (Verify) catches that.
        CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'access_audit is append-only'; END $$;
        CREATE TRIGGER access_audit_no_update BEFORE UPDATE OR DELETE ON access_audit
            FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();
        CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
            FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only();
        """,
    ];
}
