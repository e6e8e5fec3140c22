using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Riposte.Analytics.Evidence;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Storage;

/// <summary>
/// Upserts posts with prepared statements, one transaction per batch. A new key is inserted; a known key is
/// updated only when its raw record (SHA-256) differs, so re-ingesting a file changes nothing.
/// </summary>
internal sealed class SqlitePostWriter : IPostStoreWriter
{
    private readonly SqliteConnection _connection;
    private readonly RawStatement _insert;
    private readonly RawStatement _update;
    private readonly RawStatement _lookup;
    private readonly Dictionary<SourceFile, long> _sources = new(ReferenceEqualityComparer.Instance);

    private static readonly string[] Columns =
    [
        "platform", "id", "author_id", "author_handle", "author_created_at", "created_at", "text", "urls", "hashtags", "mentions",
        "reply_to_id", "repost_of_id", "quote_of_id", "language", "likes", "reposts", "replies", "quotes", "views",
        "raw_sha256", "block_id", "block_offset", "raw_length", "source_id", "source_line", "source_path",
    ];

    public SqlitePostWriter(SqliteConnection connection)
    {
        _connection = connection;
        // Parameters are numbered in column order (?1 = platform, ?2 = id, ...), shared by both statements.
        _insert = new RawStatement(connection,
            $"INSERT INTO posts ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"?{i + 1}"))}) ON CONFLICT (platform, id) DO NOTHING");
        _update = new RawStatement(connection,
            $"UPDATE posts SET {string.Join(", ", Columns.Select((c, i) => $"{c} = ?{i + 1}").Skip(2))} WHERE platform = ?1 AND id = ?2");
        _lookup = new RawStatement(connection, "SELECT raw_sha256 FROM posts WHERE platform = ?1 AND id = ?2");
    }

    public UpsertCounts Write(PostBatch batch)
    {
        using var transaction = _connection.BeginTransaction();
        var sourceId = SourceId(batch.Source, transaction);
        var blockIds = new Dictionary<int, long>();
        foreach (var block in batch.Blocks)
            blockIds[block.Sequence] = InsertBlock(block, transaction);
        var referenced = new HashSet<int>();
        var counts = new UpsertCounts();
        foreach (var item in batch.Posts)
        {
            var pointer = item.Evidence;
            var outcome = Upsert(item.Post, pointer.Sha256, blockIds[pointer.BlockSequence], pointer.Offset, pointer.Length,
                sourceId, item.Location.Line, item.Location.Path);
            counts += outcome;
            if (outcome.Unchanged == 0)
                referenced.Add(pointer.BlockSequence);
        }
        // Blocks whose every record was already stored would only duplicate evidence.
        foreach (var (sequence, blockId) in blockIds)
        {
            if (!referenced.Contains(sequence))
                Execute(transaction, "DELETE FROM post_evidence_blocks WHERE block_id = $id", ("$id", blockId));
        }
        transaction.Commit();
        return counts;
    }

    public UpsertCounts WriteWithoutEvidence(IEnumerable<Post> posts)
    {
        using var transaction = _connection.BeginTransaction();
        var counts = new UpsertCounts();
        foreach (var post in posts)
            counts += Upsert(post, SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(post)), null, null, null, null, null, null);
        transaction.Commit();
        return counts;
    }

    private UpsertCounts Upsert(Post post, byte[] sha, long? blockId, int? offset, int? length, long? sourceId, long? line, string? path)
    {
        // New keys are the common case on the bulk path: one statement. Only a known key is looked up and compared.
        Bind(_insert, post, sha, blockId, offset, length, sourceId, line, path);
        if (_insert.Execute() == 1)
            return new UpsertCounts(1, 0, 0);
        _lookup.Bind(1, post.Platform);
        _lookup.Bind(2, post.Id);
        var (_, stored) = _lookup.QueryBlob();
        if (stored is not null && stored.AsSpan().SequenceEqual(sha))
            return new UpsertCounts(0, 0, 1);
        Bind(_update, post, sha, blockId, offset, length, sourceId, line, path);
        _update.Execute();
        return new UpsertCounts(0, 1, 0);
    }

    private static void Bind(RawStatement s, Post post, byte[] sha, long? blockId, int? offset, int? length, long? sourceId, long? line, string? path)
    {
        s.Bind(1, post.Platform);
        s.Bind(2, post.Id);
        s.Bind(3, post.AuthorId);
        s.Bind(4, post.AuthorHandle);
        s.Bind(5, post.AuthorCreatedAt is { } authorCreated ? PostColumns.ToMilliseconds(authorCreated) : null);
        s.Bind(6, PostColumns.ToMilliseconds(post.CreatedAt));
        s.Bind(7, post.Text);
        s.Bind(8, PostColumns.Join(post.Urls));
        s.Bind(9, PostColumns.Join(post.Hashtags));
        s.Bind(10, PostColumns.Join(post.Mentions));
        s.Bind(11, post.ReplyToId);
        s.Bind(12, post.RepostOfId);
        s.Bind(13, post.QuoteOfId);
        s.Bind(14, post.Language);
        s.Bind(15, post.Likes);
        s.Bind(16, post.Reposts);
        s.Bind(17, post.Replies);
        s.Bind(18, post.Quotes);
        s.Bind(19, post.Views);
        s.Bind(20, sha);
        s.Bind(21, blockId);
        s.Bind(22, offset);
        s.Bind(23, length);
        s.Bind(24, sourceId);
        s.Bind(25, line);
        s.Bind(26, path);
    }

    private long SourceId(SourceFile source, SqliteTransaction transaction)
    {
        if (_sources.TryGetValue(source, out var id))
            return id;
        id = (long)Scalar(transaction, "INSERT INTO post_sources (file_name, format, captured_at) VALUES ($name, $format, $at) RETURNING source_id",
            ("$name", source.Name), ("$format", source.Format), ("$at", PostColumns.ToMilliseconds(source.CapturedAt)))!;
        _sources[source] = id;
        return id;
    }

    private long InsertBlock(EvidenceBlock block, SqliteTransaction transaction) =>
        (long)Scalar(transaction, "INSERT INTO post_evidence_blocks (codec, raw_length, data) VALUES ($codec, $length, $data) RETURNING block_id",
            ("$codec", block.Codec), ("$length", block.RawLength), ("$data", block.Data))!;

    private object? Scalar(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters) =>
        Scalar(transaction, sql, parameters);

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _lookup.Dispose();
        _connection.Dispose();
    }
}
