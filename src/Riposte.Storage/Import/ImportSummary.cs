namespace Riposte.Storage.Import;

/// <summary>One element that was not stored, with everything needed to find and fix it.</summary>
/// <param name="File">The source name given to the importer (a path, or "-" for stdin).</param>
/// <param name="Path">JSON path of the element or property, e.g. <c>$.objects[12].created</c>.</param>
public sealed record ImportRejection(string File, long Line, int Index, string? Id, string Path, string Reason)
{
    public override string ToString() =>
        $"{File}:{Line}: {Path}{(Id is null ? "" : " (" + Id + ")")}: {Reason}";
}

/// <summary>An (id, version) that was already stored with different content; the stored one stands.</summary>
public sealed record ImportConflict(string File, long Line, int Index, string Id, string Version);

/// <summary>Progress as the import runs: bytes read from the input and objects handled so far.</summary>
public sealed record ImportProgress(long BytesRead, long? TotalBytes, long ObjectsRead, long ObjectsWritten);

/// <summary>What an import did. Every count is exact; the lists keep the first few thousand entries.</summary>
public sealed record ImportSummary(
    long Added,
    long Unchanged,
    long Conflicts,
    long Rejected,
    long Warnings,
    long BytesRead,
    TimeSpan Elapsed,
    IReadOnlyList<ImportRejection> Rejections,
    IReadOnlyList<ImportConflict> ConflictDetails)
{
    public long Stored => Added + Unchanged;

    /// <summary>True when the input was read to its end without a fatal document problem.</summary>
    public bool Completed { get; init; } = true;
}

public sealed record ImportOptions
{
    /// <summary>Objects per transaction: bigger is faster, smaller loses less on a crash.</summary>
    /// <remarks>
    /// A commit writes every page the batch touched, and an index over random ids (the id index, references)
    /// touches pages all over itself, so fewer, larger commits write far fewer pages: 20,000 per batch cost 16 %
    /// less writer CPU than 5,000 on 100,000 objects, for a few tens of MB more held in the pipeline.
    /// </remarks>
    public int BatchSize { get; init; } = 20_000;

    /// <summary>
    /// A batch also ends once its objects' JSON reaches this many bytes, so a feed of very large objects keeps
    /// the pipeline (a few batches) as small in memory as a feed of ordinary ones.
    /// </summary>
    public long MaxBatchBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Put every stored object into this collection too.</summary>
    public string? CollectionId { get; init; }

    /// <summary>How many rejections and conflicts the summary lists (all are counted).</summary>
    public int MaxReported { get; init; } = 10_000;

    /// <summary>Store objects whose validation found errors anyway (counted as warnings); off by default.</summary>
    public bool KeepInvalid { get; init; }
}
