using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Riposte.Analytics.Evidence;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Storage;

/// <summary>The SQLite post store. Each operation opens its own pooled connection, so reads and a writer can run side by side (WAL).</summary>
public sealed class SqlitePostStore : IPostStore
{
    private const string PostColumnList =
        "platform, id, author_id, author_handle, author_created_at, created_at, text, urls, hashtags, mentions, reply_to_id, " +
        "repost_of_id, quote_of_id, language, likes, reposts, replies, quotes, views";

    private readonly string _connectionString;

    /// <summary>Opens (and creates or migrates) the post tables in a SQLite file.</summary>
    public SqlitePostStore(string databasePath)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        using var connection = Open();
        PostSchema.Migrate(connection);
    }

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        PostSchema.Tune(connection);
        return connection;
    }

    /// <summary>
    /// A connection for one pass over the posts. Memory-mapping is turned off: a scan of a multi-GB store would
    /// otherwise map up to 1 GiB of the file into the process (resident, and counted against the detector's
    /// memory) for pages it reads once; the OS page cache serves them just as well.
    /// </summary>
    private SqliteConnection OpenForScan()
    {
        var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size=0";
        command.ExecuteNonQuery();
        return connection;
    }

    public IPostStoreWriter OpenWriter() => new SqlitePostWriter(Open());

    public UpsertCounts Upsert(IEnumerable<Post> posts)
    {
        using var writer = new SqlitePostWriter(Open());
        return writer.WriteWithoutEvidence(posts);
    }

    /// <remarks>
    /// Rows are decoded on a background thread in batches while the caller consumes the previous ones, so a
    /// detector running on one core gets its posts from the other. Stopping the enumeration early stops the reader.
    /// </remarks>
    public IEnumerable<Post> Read(PostFilter filter)
    {
        using var stop = new CancellationTokenSource();
        using var batches = new BlockingCollection<Post[]>(ReadAheadBatches);
        var reader = Task.Factory.StartNew(() => ReadBatches(filter, batches, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var post in batch)
                    yield return post;
            }
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            // Drain so a reader blocked on a full queue can see the cancellation and close its connection.
            while (batches.TryTake(out _)) { }
            try
            {
                reader.Wait();
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
            }
        }
    }

    /// <summary>The same rows decoded on the calling thread (for comparison and single-core hosts).</summary>
    internal IEnumerable<Post> ReadOnCallingThread(PostFilter filter)
    {
        using var connection = OpenForScan();
        var (where, values) = Where(filter);
        using var statement = new RawStatement(connection, $"SELECT {PostColumnList} FROM posts{where} ORDER BY created_at, rowid");
        for (var i = 0; i < values.Count; i++)
            statement.Bind(i + 1, values[i]);
        var rows = new PostRowReader(statement);
        while (statement.Step())
            yield return rows.Read();
    }

    private const int ReadAheadBatches = 4;
    private const int ReadBatchSize = 4096;

    private void ReadBatches(PostFilter filter, BlockingCollection<Post[]> batches, CancellationToken cancellation)
    {
        try
        {
            var batch = new List<Post>(ReadBatchSize);
            foreach (var post in ReadOnCallingThread(filter))
            {
                batch.Add(post);
                if (batch.Count == ReadBatchSize)
                {
                    batches.Add([.. batch], cancellation);
                    batch.Clear();
                }
            }
            if (batch.Count > 0)
                batches.Add([.. batch], cancellation);
        }
        finally
        {
            batches.CompleteAdding();
        }
    }

    public long Count(PostFilter filter)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        var (where, values) = Where(filter);
        command.CommandText = "SELECT count(*) FROM posts" + where;
        for (var i = 0; i < values.Count; i++)
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        return (long)command.ExecuteScalar()!;
    }

    public PostEvidence? FindEvidence(string platform, string id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT b.codec, b.data, p.block_offset, p.raw_length, p.raw_sha256, s.file_name, s.format, p.source_line, p.source_path, s.captured_at
            FROM posts p JOIN post_evidence_blocks b ON b.block_id = p.block_id JOIN post_sources s ON s.source_id = p.source_id
            WHERE p.platform = $platform AND p.id = $id
            """;
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var block = EvidenceCodec.Decompress(reader.GetString(0), (byte[])reader[1]);
        var raw = block.AsSpan(reader.GetInt32(2), reader.GetInt32(3)).ToArray();
        return new PostEvidence(raw, (byte[])reader[4], reader.GetString(5), reader.GetString(6), reader.GetInt64(7),
            reader.IsDBNull(8) ? null : reader.GetString(8), PostColumns.FromMilliseconds(reader.GetInt64(9)));
    }

    /// <summary>The WHERE clause for a filter, with numbered parameters ($1, $2...) and their values.</summary>
    private static (string Sql, List<object> Values) Where(PostFilter filter)
    {
        var clauses = new List<string>();
        var values = new List<object>();
        void Add(string clause, object value)
        {
            values.Add(value);
            clauses.Add(clause.Replace("?", "$" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        if (filter.From is { } from)
            Add("created_at >= ?", PostColumns.ToMilliseconds(from));
        if (filter.Until is { } until)
            Add("created_at < ?", PostColumns.ToMilliseconds(until));
        if (filter.Platform is { } platform)
            Add("platform = ?", platform);
        if (filter.Language is { } language)
            Add("language = ?", language);
        return (clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses), values);
    }
}
