using System.Diagnostics;
using System.Threading.Channels;
using Riposte.Stix;
using Riposte.Stix.Json;
using Riposte.Stix.Validation;

namespace Riposte.Storage.Import;

/// <summary>
/// Imports a bundle into a store. Parsing and validation run on one task and writing on another, joined
/// by a small bounded channel of batches, so both cores work and memory stays at a few batches whatever
/// the input size. Each batch is one transaction: a killed import keeps every committed batch.
/// </summary>
public sealed class StixImporter(IStixStore store, ImportOptions? options = null)
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    // Lists grow from here rather than from BatchSize, so a small import does not allocate for a large batch.
    private int InitialCapacity => Math.Min(_options.BatchSize, 1_024);

    /// <summary>Imports a file, or standard input when <paramref name="path"/> is "-".</summary>
    public async Task<ImportSummary> ImportFileAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (path == "-")
        {
            await using var stdin = Console.OpenStandardInput();
            return await ImportAsync(stdin, "-", progress, cancellationToken).ConfigureAwait(false);
        }
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await ImportAsync(file, path, progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ImportSummary> ImportAsync(Stream input, string sourceName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var tally = new ImportTally(sourceName, _options.MaxReported);
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        long? total = input.CanSeek ? input.Length : null;
        var reader = new StixBundleReader(input);

        var writer = Task.Run(() => WriteBatchesAsync(batches, tally, reader, total, progress, cancellationToken), cancellationToken);
        try
        {
            await ParseAsync(reader, batches.Writer, tally, cancellationToken).ConfigureAwait(false);
            batches.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            batches.Writer.TryComplete(ex);
            await Task.WhenAny(writer).ConfigureAwait(false);
            if (writer.IsFaulted)
                await writer.ConfigureAwait(false); // the store's failure is the cause; the parser only saw a closed channel
            throw;
        }
        await writer.ConfigureAwait(false);
        progress?.Report(new ImportProgress(reader.BytesRead, total, tally.Read, tally.Written));
        return tally.ToSummary(reader.BytesRead, clock.Elapsed);
    }

    private async Task ParseAsync(StixBundleReader reader, ChannelWriter<Batch> batches, ImportTally tally, CancellationToken cancellationToken)
    {
        var batch = new Batch(InitialCapacity);
        await foreach (var item in reader.ReadItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Object is not { } obj)
            {
                tally.Problem(item);
                continue;
            }
            tally.Read++;
            var result = StixValidator.Validate(obj);
            if (!result.IsValid && (!_options.KeepInvalid || !result.IsReadable))
            {
                tally.Invalid(item, result);
                continue;
            }
            tally.Warnings += result.IsValid ? result.Warnings.Count() : result.Issues.Count;
            batch.Add(obj, item);
            if (batch.Objects.Count >= _options.BatchSize || batch.Bytes >= _options.MaxBatchBytes)
            {
                await batches.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                batch = new Batch(InitialCapacity);
            }
        }
        if (batch.Objects.Count > 0)
            await batches.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteBatchesAsync(Channel<Batch> batches, ImportTally tally, StixBundleReader reader, long? total,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var outcomes = store.Put(batch.Objects, _options.CollectionId);
                for (var i = 0; i < outcomes.Count; i++)
                    tally.Outcome(outcomes[i], batch.Objects[i], batch.Items[i]);
                progress?.Report(new ImportProgress(reader.BytesRead, total, tally.Read, tally.Written));
            }
        }
        catch (Exception ex)
        {
            batches.Writer.TryComplete(ex); // unblocks the parser, which would otherwise wait on a full channel
            throw;
        }
    }

    private sealed class Batch(int capacity)
    {
        public List<StixObject> Objects { get; } = new(capacity);
        public List<BundleItem> Items { get; } = new(capacity);
        public long Bytes { get; private set; }

        public void Add(StixObject obj, BundleItem item)
        {
            Objects.Add(obj);
            Items.Add(item);
            Bytes += obj.ToUtf8Json().Length;
        }
    }
}
