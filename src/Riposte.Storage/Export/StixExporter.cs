using Riposte.Stix;
using Riposte.Stix.Json;

namespace Riposte.Storage.Export;

/// <summary>
/// Streams the objects a query selects into a bundle, one at a time, so an export of any size runs in
/// constant memory. The caller applies access rules through <c>filter</c>: it may return the object,
/// a redacted copy, or null to leave the object out.
/// </summary>
public sealed class StixExporter(IStixStore store)
{
    /// <summary>Writes a complete bundle to <paramref name="output"/> and returns how many objects it holds.</summary>
    public long Export(StixQuery query, Stream output, Func<StixObject, StixObject?>? filter = null, CancellationToken cancellationToken = default)
    {
        using var writer = new StixBundleWriter(output);
        foreach (var stored in store.Query(query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Apply(filter, stored.Object) is { } visible)
                writer.Write(visible);
        }
        writer.Complete();
        return writer.Count;
    }

    public async Task<long> ExportAsync(StixQuery query, Stream output, Func<StixObject, StixObject?>? filter = null, CancellationToken cancellationToken = default)
    {
        await using var writer = new StixBundleWriter(output);
        foreach (var stored in store.Query(query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Apply(filter, stored.Object) is { } visible)
                await writer.WriteAsync(visible, cancellationToken).ConfigureAwait(false);
        }
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return writer.Count;
    }

    /// <summary>Exports to a file, or to standard output when <paramref name="path"/> is "-".</summary>
    public async Task<long> ExportFileAsync(StixQuery query, string path, Func<StixObject, StixObject?>? filter = null, CancellationToken cancellationToken = default)
    {
        if (path == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            return await ExportAsync(query, stdout, filter, cancellationToken).ConfigureAwait(false);
        }
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return await ExportAsync(query, file, filter, cancellationToken).ConfigureAwait(false);
    }

    private static StixObject? Apply(Func<StixObject, StixObject?>? filter, StixObject obj) => filter is null ? obj : filter(obj);
}
