using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest;

/// <summary>What a reader made of one source record.</summary>
public enum RecordKind
{
    /// <summary>The record mapped to a post.</summary>
    Post,

    /// <summary>The record is well formed but holds no post (a delete, a service message, an identity event).</summary>
    Skipped,

    /// <summary>The record is malformed or lacks a required field; the reason says which.</summary>
    Rejected,
}

/// <summary>Where a record sits in its source: file name, 1-based line, and a JSON path or CSV row where useful.</summary>
public readonly record struct RecordLocation(string File, long Line, string? Path = null)
{
    public override string ToString() => Path is null ? $"{File}:{Line}" : $"{File}:{Line} ({Path})";
}

/// <summary>
/// One record read from a source file. <see cref="Raw"/> holds the exact source bytes of the record and is only
/// valid until the reader moves to the next record (readers reuse their buffers); copy it to keep it.
/// </summary>
public readonly record struct RecordResult(RecordKind Kind, Post? Post, string? Reason, RecordLocation Location, ReadOnlyMemory<byte> Raw)
{
    public static RecordResult Ok(Post post, RecordLocation location, ReadOnlyMemory<byte> raw) =>
        new(RecordKind.Post, post, null, location, raw);

    public static RecordResult Skip(string reason, RecordLocation location, ReadOnlyMemory<byte> raw) =>
        new(RecordKind.Skipped, null, reason, location, raw);

    public static RecordResult Reject(string reason, RecordLocation location, ReadOnlyMemory<byte> raw) =>
        new(RecordKind.Rejected, null, reason, location, raw);
}
