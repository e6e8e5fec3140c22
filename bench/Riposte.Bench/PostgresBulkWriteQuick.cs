using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Bench;

/// <summary>
/// How to move a batch of new rows into PostgreSQL: one INSERT … SELECT FROM unnest(array parameters) (what
/// the store does) against binary COPY into a temporary table and INSERT … SELECT from it (COPY cannot compute
/// the tsvector column or skip duplicates itself). Same rows, same table (the store's, freshly migrated), same
/// batch size; alternating rounds so a change in the machine's load hits both.
/// <c>quick pg-bulk --db postgres://… [objects = 50,000] [batch = 5,000] [rounds = 3]</c>.
/// </summary>
public static class PostgresBulkWriteQuick
{
    private const string Insert = """
        INSERT INTO stix_objects (seq, id, version, version_key, type, spec_version, created_by_ref, date_added, is_latest, json, search)
        SELECT r.seq, r.id, r.version, r.version_key, r.type, r.spec_version, r.created_by_ref, now(), true, r.json,
               setweight(to_tsvector('simple', coalesce(r.name, '')), 'A') || setweight(to_tsvector('simple', coalesce(r.description, '')), 'B')
        """;

    public static void Run(string[] args)
    {
        using var stores = BenchStores.FromArgs(args, out args);
        if (stores.Provider != "PostgreSQL")
            throw new ArgumentException("quick pg-bulk needs --db postgres://… (or RIPOSTE_BENCH_POSTGRES)");
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
        var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var batches = StoreBenchmarksGenerator.Objects(count).Select(Row.From).Chunk(batchSize).ToList();
        var unnest = new List<double>();
        var copy = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            unnest.Add(Time(stores.OpenPool(), batches, WriteUnnest));
            copy.Add(Time(stores.OpenPool(), batches, WriteCopy));
        }
        unnest.Sort();
        copy.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} rows in batches of {batchSize:N0}, median of {rounds}: unnest {count / unnest[rounds / 2]:N0} rows/s, binary COPY {count / copy[rounds / 2]:N0} rows/s"));
    }

    private static double Time(NpgsqlDataSource pool, List<Row[]> batches, Action<NpgsqlConnection, Row[]> write)
    {
        using var connection = pool.OpenConnection();
        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            using var transaction = connection.BeginTransaction();
            write(connection, batch);
            transaction.Commit();
        }
        return watch.Elapsed.TotalSeconds;
    }

    private static void WriteUnnest(NpgsqlConnection connection, Row[] rows)
    {
        using var command = new NpgsqlCommand(Insert + """
             FROM unnest(@seq, @id, @version, @key, @type, @spec, @creator, @json, @name, @description)
                AS r(seq, id, version, version_key, type, spec_version, created_by_ref, json, name, description)
            """, connection);
        command.Parameters.AddWithValue("seq", rows.Select(r => r.Seq).ToArray());
        command.Parameters.AddWithValue("id", rows.Select(r => r.Id).ToArray());
        command.Parameters.AddWithValue("version", rows.Select(r => r.Version).ToArray());
        command.Parameters.AddWithValue("key", rows.Select(r => r.Key).ToArray());
        command.Parameters.AddWithValue("type", rows.Select(r => r.Type).ToArray());
        command.Parameters.AddWithValue("spec", rows.Select(r => r.SpecVersion).ToArray());
        command.Parameters.AddWithValue("creator", rows.Select(r => r.Creator).ToArray());
        command.Parameters.AddWithValue("json", rows.Select(r => r.Json).ToArray());
        command.Parameters.AddWithValue("name", rows.Select(r => r.Name).ToArray());
        command.Parameters.AddWithValue("description", rows.Select(r => r.Description).ToArray());
        command.ExecuteNonQuery();
    }

    private static void WriteCopy(NpgsqlConnection connection, Row[] rows)
    {
        using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE IF NOT EXISTS staging (seq bigint, id text, version text, version_key text, type text,
                spec_version text, created_by_ref text, json bytea, name text, description text) ON COMMIT DELETE ROWS
            """, connection))
            create.ExecuteNonQuery();
        using (var importer = connection.BeginBinaryImport("COPY staging FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                importer.StartRow();
                importer.Write(r.Seq, NpgsqlDbType.Bigint);
                importer.Write(r.Id, NpgsqlDbType.Text);
                importer.Write(r.Version, NpgsqlDbType.Text);
                importer.Write(r.Key, NpgsqlDbType.Text);
                importer.Write(r.Type, NpgsqlDbType.Text);
                importer.Write(r.SpecVersion, NpgsqlDbType.Text);
                importer.Write(r.Creator, NpgsqlDbType.Text);
                importer.Write(r.Json, NpgsqlDbType.Bytea);
                importer.Write(r.Name, NpgsqlDbType.Text);
                importer.Write(r.Description, NpgsqlDbType.Text);
            }
            importer.Complete();
        }
        using var insert = new NpgsqlCommand(Insert + " FROM staging r", connection);
        insert.ExecuteNonQuery();
    }

    private sealed record Row(long Seq, string Id, string Version, string Key, string Type, string? SpecVersion, string? Creator, byte[] Json, string? Name, string? Description)
    {
        private static long _next;

        public static Row From(StixObject o) => new(++_next, o.Id, o.Version?.Text ?? "", VersionKeys.Of(o), o.Type, o.SpecVersion, o.CreatedByRef,
            o.ToUtf8Json().ToArray(), o.Name?.ToLowerInvariant(), o.Description?.ToLowerInvariant());
    }
}
