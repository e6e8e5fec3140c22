using Riposte.Storage.Access;
using Riposte.Storage.Postgres.Access;
using Riposte.Storage.Sqlite.Access;

namespace Riposte.Access.Tests.Support;

/// <summary>The database providers the repository-backed tests run on.</summary>
public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh access database on one provider, with raw SQL for tests that play someone holding the database.</summary>
internal abstract class AccessTestDatabase : IDisposable
{
    public abstract IAccessRepositories Repositories { get; }

    /// <summary>The SQLite file, for tests that open the node's store beside the access tables (SQLite harnesses only).</summary>
    public virtual string Path => throw new NotSupportedException("this test database is PostgreSQL: it has no file path");

    /// <summary>Runs raw SQL, as someone with direct access to the database could.</summary>
    public abstract int Execute(string sql);

    /// <summary>Drops the triggers that keep the audit log append-only (what a tamperer does first).</summary>
    public abstract void DropAuditTriggers();

    /// <summary>Every stored byte of the access tables as text, to check what is (not) kept at rest.</summary>
    public abstract string Dump();

    public abstract void Dispose();

    public static AccessTestDatabase Create(TestProvider provider) =>
        provider == TestProvider.Postgres ? new Postgres() : new Sqlite();

    private sealed class Sqlite : AccessTestDatabase
    {
        private readonly TempDatabase _file = new();

        public Sqlite() => Repositories = SqliteAccessRepositories.ForFile(_file.Path);

        public override IAccessRepositories Repositories { get; }

        public override string Path => _file.Path;

        public override int Execute(string sql) => _file.Execute(sql);

        public override void DropAuditTriggers() => _file.Execute("DROP TRIGGER access_audit_no_update; DROP TRIGGER access_audit_no_delete;");

        public override string Dump()
        {
            _file.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            var wal = _file.Path + "-wal";
            var bytes = File.ReadAllBytes(_file.Path).Concat(File.Exists(wal) ? File.ReadAllBytes(wal) : []).ToArray();
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        public override void Dispose() => _file.Dispose();
    }

    private sealed class Postgres : AccessTestDatabase
    {
        private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();

        public Postgres() => Repositories = PostgresAccessRepositories.For(_database.ConnectionString);

        public override IAccessRepositories Repositories { get; }

        public override int Execute(string sql)
        {
            using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return command.ExecuteNonQuery();
        }

        public override void DropAuditTriggers() =>
            Execute("DROP TRIGGER access_audit_no_update ON access_audit; DROP TRIGGER access_audit_no_truncate ON access_audit;");

        public override string Dump()
        {
            using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
            connection.Open();
            var text = new System.Text.StringBuilder();
            foreach (var table in new[] { "access_organization", "access_user", "access_token", "access_collection", "access_grant", "access_audit" })
            {
                using var command = new Npgsql.NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                    text.AppendLine(reader.GetString(0));
            }
            return text.ToString();
        }

        public override void Dispose()
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            _database.Dispose();
        }
    }
}
