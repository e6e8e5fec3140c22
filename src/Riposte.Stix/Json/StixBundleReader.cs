using System.Runtime.CompilerServices;

namespace Riposte.Stix.Json;

/// <summary>
/// Streams STIX objects out of a bundle (<c>{"type":"bundle","objects":[...]}</c>, properties in any order),
/// a single object, or a JSON array of objects. Memory stays bounded by the largest element, so a
/// multi-gigabyte bundle reads in the same footprint as a small one. Problems come back as items, in
/// order, with line, index, id and JSON path; objects before a fatal problem are always yielded.
/// </summary>
public sealed class StixBundleReader
{
    private readonly Stream _stream;
    private readonly BundleParser _parser;

    public StixBundleReader(Stream stream, StixBundleReaderOptions? options = null)
    {
        _stream = stream;
        _parser = new BundleParser(options ?? StixBundleReaderOptions.Default);
    }

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public static IEnumerable<BundleItem> Read(Stream stream, StixBundleReaderOptions? options = null) =>
        new StixBundleReader(stream, options).ReadItems();

    public IEnumerable<BundleItem> ReadItems()
    {
        while (true)
        {
            switch (_parser.Next(out var item))
            {
                case ParseStep.Item:
                    yield return item!;
                    break;
                case ParseStep.Done:
                    yield break;
                default:
                    var free = _parser.PrepareForMoreData();
                    var read = free.IsEmpty ? 0 : _stream.Read(free.Span);
                    Accept(read, free.IsEmpty);
                    break;
            }
        }
    }

    public async IAsyncEnumerable<BundleItem> ReadItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            switch (_parser.Next(out var item))
            {
                case ParseStep.Item:
                    yield return item!;
                    break;
                case ParseStep.Done:
                    yield break;
                default:
                    var free = _parser.PrepareForMoreData();
                    var read = free.IsEmpty ? 0 : await _stream.ReadAsync(free, cancellationToken).ConfigureAwait(false);
                    Accept(read, free.IsEmpty);
                    break;
            }
        }
    }

    private void Accept(int read, bool bufferLimitReached)
    {
        if (bufferLimitReached)
            return; // the parser reports the oversized element on its next step
        if (read == 0)
            _parser.MarkEndOfInput();
        else
            _parser.Advance(read);
        BytesRead += read;
    }
}
