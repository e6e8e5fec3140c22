using System.Collections.Concurrent;
using System.Diagnostics;
using Riposte.Analytics.Evidence;
using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest;

/// <summary>
/// Reads export files into the post store as a two-stage pipeline: this thread parses, normalises and compresses
/// evidence; a second thread writes batches to the store. A bounded queue between them keeps memory flat.
/// A bad record is listed and skipped; a bad file is reported and the next one is read.
/// </summary>
public sealed class PostIngestor(IPostStore store, IngestOptions? options = null)
{
    private const int QueueDepth = 4;
    private readonly IngestOptions _options = options ?? new IngestOptions();

    public IngestSummary Ingest(IEnumerable<string> paths, string format = PostFormats.Auto, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Ingest(paths.Select(p => p == "-" ? IngestInput.StandardInput() : IngestInput.FromFile(p)), format, progress, cancellationToken);

    public IngestSummary Ingest(IEnumerable<IngestInput> inputs, string format = PostFormats.Auto, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var fixedFormat = string.Equals(format, PostFormats.Auto, StringComparison.OrdinalIgnoreCase) ? null : PostFormats.ByName(format);
        var stopwatch = Stopwatch.StartNew();
        var files = new List<FileTally>();
        var rejections = new RejectionList(_options.MaxRejectionsListed);
        using var queue = new BlockingCollection<(PostBatch Batch, FileTally Tally)>(QueueDepth);
        using var writer = store.OpenWriter();
        var consumer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var (batch, tally) in queue.GetConsumingEnumerable(cancellationToken))
                    tally.Add(writer.Write(batch));
            }
            catch
            {
                // Unblocks a producer waiting on a full queue; it then rethrows this failure.
                queue.CompleteAdding();
                throw;
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var enricher = new PostEnricher(_options.LanguageGuesser);
            foreach (var input in inputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tally = new FileTally(input.Name);
                files.Add(tally);
                ReadFile(input, fixedFormat, tally, enricher, rejections, (batch) => Enqueue(queue, consumer, batch, tally, cancellationToken), progress, cancellationToken);
            }
        }
        catch
        {
            // Let the writer stop before it is disposed; the producer's failure is the one to report.
            queue.CompleteAdding();
            try
            {
                consumer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
            throw;
        }
        queue.CompleteAdding();
        consumer.GetAwaiter().GetResult();
        return new IngestSummary(files.Select(f => f.ToSummary()).ToArray(), rejections.Listed, rejections.NotListed, stopwatch.Elapsed);
    }

    private void ReadFile(IngestInput input, IPostFormat? fixedFormat, FileTally tally, PostEnricher enricher, RejectionList rejections,
        Action<PostBatch> send, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = input.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(tally, rejections, $"cannot open: {e.Message}");
            return;
        }
        using (stream)
        {
            var (head, length, replay) = HeadReplayStream.ReadHead(stream, PostFormats.HeadSize);
            if (length == 0)
            {
                Fail(tally, rejections, "the file is empty");
                return;
            }
            var format = fixedFormat ?? PostFormats.Sniff(head.AsSpan(0, length), Path.GetFileName(input.Name));
            if (format is null)
            {
                Fail(tally, rejections, $"cannot recognise the format; name one with --format ({PostFormats.NameList})");
                return;
            }
            tally.Format = format.Name;
            var source = new SourceFile(Path.GetFileName(input.Name), format.Name, _options.Clock.GetUtcNow());
            var evidence = new EvidenceBlockBuilder();
            var posts = new List<IngestedPost>(_options.BatchSize);
            try
            {
                foreach (var record in format.Read(replay, Path.GetFileName(input.Name)))
                {
                    tally.RecordsRead++;
                    switch (record.Kind)
                    {
                        case RecordKind.Post:
                            posts.Add(new IngestedPost(enricher.Enrich(record.Post!), evidence.Append(record.Raw.Span), record.Location));
                            break;
                        case RecordKind.Skipped:
                            tally.Skipped++;
                            break;
                        default:
                            tally.Rejected++;
                            rejections.Add(new Rejection(record.Location, record.Reason ?? "rejected"));
                            break;
                    }
                    if (posts.Count >= _options.BatchSize)
                    {
                        send(new PostBatch(source, posts, evidence.TakeBlocks()));
                        posts = new List<IngestedPost>(_options.BatchSize);
                        progress?.Report(new IngestProgress(input.Name, tally.RecordsRead, tally.Written, tally.Rejected));
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }
            catch (IOException e)
            {
                // A read failure mid-file keeps what was read before it.
                Fail(tally, rejections, $"read failed after {tally.RecordsRead} records: {e.Message}");
            }
            if (posts.Count > 0)
                send(new PostBatch(source, posts, evidence.TakeBlocks()));
            progress?.Report(new IngestProgress(input.Name, tally.RecordsRead, tally.Written, tally.Rejected));
        }
    }

    private static void Enqueue(BlockingCollection<(PostBatch, FileTally)> queue, Task consumer, PostBatch batch, FileTally tally, CancellationToken cancellationToken)
    {
        try
        {
            queue.Add((batch, tally), cancellationToken);
        }
        catch (InvalidOperationException) when (queue.IsAddingCompleted)
        {
            // The writer failed and closed the queue: surface its exception.
            consumer.GetAwaiter().GetResult();
            throw;
        }
    }

    private static void Fail(FileTally tally, RejectionList rejections, string error)
    {
        tally.Error = error;
        rejections.Add(new Rejection(new RecordLocation(Path.GetFileName(tally.File), 0), error));
    }

    private sealed class FileTally(string file)
    {
        private long _added, _updated, _unchanged;

        public string File { get; } = file;
        public string? Format { get; set; }
        public long RecordsRead { get; set; }
        public long Skipped { get; set; }
        public long Rejected { get; set; }
        public string? Error { get; set; }
        public long Written => Interlocked.Read(ref _added) + Interlocked.Read(ref _updated) + Interlocked.Read(ref _unchanged);

        public void Add(UpsertCounts counts)
        {
            Interlocked.Add(ref _added, counts.Added);
            Interlocked.Add(ref _updated, counts.Updated);
            Interlocked.Add(ref _unchanged, counts.Unchanged);
        }

        public FileSummary ToSummary() => new(File, Format, RecordsRead, _added, _updated, _unchanged, Skipped, Rejected, Error);
    }

    private sealed class RejectionList(int max)
    {
        public List<Rejection> Listed { get; } = [];
        public long NotListed { get; private set; }

        public void Add(Rejection rejection)
        {
            if (Listed.Count < max)
                Listed.Add(rejection);
            else
                NotListed++;
        }
    }
}
