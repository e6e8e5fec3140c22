using Riposte.Analytics.Evidence;
using Riposte.Analytics.Ingest;

namespace Riposte.Analytics.Posts;

/// <summary>Which posts to read. Null members do not filter. <see cref="Until"/> is exclusive.</summary>
public sealed record PostFilter
{
    public static readonly PostFilter All = new();

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? Platform { get; init; }
    public string? Language { get; init; }
}

/// <summary>How many posts a write added, changed (same key, different raw record) or found unchanged.</summary>
public readonly record struct UpsertCounts(long Added, long Updated, long Unchanged)
{
    public static UpsertCounts operator +(UpsertCounts a, UpsertCounts b) =>
        new(a.Added + b.Added, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}

/// <summary>The file a batch came from; one row per ingested file.</summary>
public sealed record SourceFile(string Name, string Format, DateTimeOffset CapturedAt);

/// <summary>A post with the pointer to its raw record and where that record was in its file.</summary>
public readonly record struct IngestedPost(Post Post, EvidencePointer Evidence, RecordLocation Location);

/// <summary>Posts of one source file with the evidence blocks their pointers refer to.</summary>
public sealed record PostBatch(SourceFile Source, IReadOnlyList<IngestedPost> Posts, IReadOnlyList<EvidenceBlock> Blocks);

/// <summary>Writes batches in one connection with prepared statements; dispose to close.</summary>
public interface IPostStoreWriter : IDisposable
{
    /// <summary>Upserts by (platform, id) in one transaction; re-writing the same raw record changes nothing.</summary>
    UpsertCounts Write(PostBatch batch);
}

/// <summary>Storage of posts in the common model, with the raw evidence each came from.</summary>
public interface IPostStore
{
    IPostStoreWriter OpenWriter();

    /// <summary>Upserts posts that carry no evidence (tests, posts made by other tools).</summary>
    UpsertCounts Upsert(IEnumerable<Post> posts);

    /// <summary>Streams posts in created_at order (ties in insertion order) without loading them all first.</summary>
    IEnumerable<Post> Read(PostFilter filter);

    long Count(PostFilter filter);

    /// <summary>The raw record a post came from, or null when the post is unknown or has no evidence.</summary>
    PostEvidence? FindEvidence(string platform, string id);
}
