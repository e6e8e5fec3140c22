using Npgsql;

namespace Riposte.Storage.Postgres;

/// <summary>
/// The STIX store's tables as ordered migration steps, recorded in <c>stix_schema_version</c>. All pending
/// steps run in one transaction behind an advisory lock, so replicas starting together migrate once: the
/// others wait, then find nothing left to do. PostgreSQL's DDL is transactional, so a failed step leaves
/// the schema as it was.
/// </summary>
internal static class PostgresSchema
{
    internal sealed record Step(int Version, string Description, string Sql);

    /// <summary>The advisory-lock key migrations hold ("RIPSTIX" in ASCII); advisory locks are per database.</summary>
    private const long MigrationLock = 0x0052_4950_5354_4958;

    public static readonly IReadOnlyList<Step> Steps =
    [
        new(1, "objects, versions, index tables, full-text search and the commit-order row", """
            CREATE TABLE stix_objects (
                seq bigint PRIMARY KEY,
                id text COLLATE "C" NOT NULL,
                version text NOT NULL,
                version_key text COLLATE "C" NOT NULL,
                type text COLLATE "C" NOT NULL,
                spec_version text COLLATE "C",
                created_by_ref text COLLATE "C",
                date_added timestamptz NOT NULL,
                is_latest boolean NOT NULL,
                json bytea NOT NULL,
                search tsvector NOT NULL,
                UNIQUE (id, version_key)
            );
            CREATE INDEX stix_objects_type ON stix_objects (type, seq);
            CREATE INDEX stix_objects_date_added ON stix_objects (date_added);
            CREATE INDEX stix_objects_search ON stix_objects USING gin (search);
            CREATE TABLE stix_markings (marking_ref text COLLATE "C" NOT NULL, seq bigint NOT NULL, PRIMARY KEY (marking_ref, seq));
            CREATE TABLE stix_labels (label text COLLATE "C" NOT NULL, seq bigint NOT NULL, PRIMARY KEY (label, seq));
            CREATE TABLE stix_external_ids (
                external_id text COLLATE "C" NOT NULL, source_name text COLLATE "C" NOT NULL, seq bigint NOT NULL,
                PRIMARY KEY (external_id, source_name, seq));
            CREATE TABLE stix_refs (
                target_id text COLLATE "C" NOT NULL, property text COLLATE "C" NOT NULL, seq bigint NOT NULL,
                PRIMARY KEY (target_id, property, seq));
            CREATE TABLE stix_collection_objects (collection_id text COLLATE "C" NOT NULL, seq bigint NOT NULL, PRIMARY KEY (collection_id, seq));
            CREATE INDEX stix_collection_objects_seq ON stix_collection_objects (seq);
            -- One row that every write transaction locks first and keeps until commit: sequence numbers and
            -- date_added are handed out in commit order, across every replica writing to this database.
            CREATE TABLE stix_write_state (
                single_row boolean PRIMARY KEY DEFAULT true CHECK (single_row),
                last_seq bigint NOT NULL,
                last_date_added timestamptz NOT NULL
            );
            INSERT INTO stix_write_state (last_seq, last_date_added) VALUES (0, '-infinity');
            """),
    ];

    public static int LatestVersion => Steps[^1].Version;

    /// <summary>The recorded version; 0 for a database the store has never migrated.</summary>
    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('stix_schema_version') IS NOT NULL", connection, transaction);
        if (exists.ExecuteScalar() is not true)
            return 0;
        using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM stix_schema_version", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int Migrate(NpgsqlDataSource source, TimeProvider clock)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLock);
            lockCommand.ExecuteNonQuery();
        }
        using (var table = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS stix_schema_version (version integer PRIMARY KEY, applied timestamptz NOT NULL, description text NOT NULL)",
            connection, transaction))
            table.ExecuteNonQuery();
        var current = CurrentVersion(connection, transaction);
        if (current > LatestVersion)
            throw new InvalidOperationException($"the store's schema version {current} is newer than this program knows ({LatestVersion}); upgrade Riposte");
        foreach (var step in Steps.Where(s => s.Version > current))
        {
            using var command = new NpgsqlCommand(step.Sql, connection, transaction);
            command.ExecuteNonQuery();
            using var record = new NpgsqlCommand("INSERT INTO stix_schema_version (version, applied, description) VALUES (@version, @applied, @description)", connection, transaction);
            record.Parameters.AddWithValue("version", step.Version);
            record.Parameters.AddWithValue("applied", clock.GetUtcNow());
            record.Parameters.AddWithValue("description", step.Description);
            record.ExecuteNonQuery();
            current = step.Version;
        }
        transaction.Commit();
        return current;
    }
}
