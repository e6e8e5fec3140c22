using Riposte.Analytics.Normalisation;

namespace Riposte.Analytics.Ingest;

/// <summary>One input: a file, or standard input (name "-").</summary>
public sealed record IngestInput(string Name, Func<Stream> Open)
{
    public static IngestInput FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    public static IngestInput StandardInput() => new("-", Console.OpenStandardInput);
}

public sealed record IngestOptions
{
    /// <summary>Posts per write transaction.</summary>
    public int BatchSize { get; init; } = 8192;

    /// <summary>How many rejected records are listed in the summary (all are counted).</summary>
    public int MaxRejectionsListed { get; init; } = 1000;

    /// <summary>Guesses languages the format does not carry; null turns guessing off.</summary>
    public ILanguageGuesser? LanguageGuesser { get; init; } = new LinguaLanguageGuesser();

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

public readonly record struct IngestProgress(string File, long RecordsRead, long PostsWritten, long Rejected);

/// <summary>A record that could not be mapped, with where it is and why.</summary>
public sealed record Rejection(RecordLocation Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>What happened to one input file. <see cref="Error"/> is set when the file could not be read at all.</summary>
public sealed record FileSummary(
    string File,
    string? Format,
    long RecordsRead,
    long Added,
    long Updated,
    long Unchanged,
    long Skipped,
    long Rejected,
    string? Error);

public sealed record IngestSummary(IReadOnlyList<FileSummary> Files, IReadOnlyList<Rejection> Rejections, long RejectionsNotListed, TimeSpan Elapsed)
{
    public long RecordsRead => Files.Sum(f => f.RecordsRead);
    public long Added => Files.Sum(f => f.Added);
    public long Updated => Files.Sum(f => f.Updated);
    public long Unchanged => Files.Sum(f => f.Unchanged);
    public long Skipped => Files.Sum(f => f.Skipped);
    public long Rejected => Files.Sum(f => f.Rejected);
    public int FailedFiles => Files.Count(f => f.Error is not null);
}
