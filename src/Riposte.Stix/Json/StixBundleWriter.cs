using System.Text.Encodings.Web;
using System.Text.Json;

namespace Riposte.Stix.Json;

/// <summary>
/// Writes a STIX 2.1 bundle to a stream one object at a time, flushing as it goes, so an export of any
/// size streams (to stdout or an HTTP response) in constant memory. Dispose (or <see cref="Complete"/>)
/// closes the bundle; a bundle is only valid once completed.
/// </summary>
public sealed class StixBundleWriter : IDisposable, IAsyncDisposable
{
    private const int FlushThreshold = 64 * 1024;

    /// <summary>Writer options every STIX output uses: non-ASCII text stays readable instead of becoming \uXXXX.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    public StixBundleWriter(Stream stream, string? bundleId = null)
    {
        _stream = stream;
        BundleId = bundleId ?? "bundle--" + Guid.NewGuid().ToString("D");
        _writer = new Utf8JsonWriter(stream, WriterOptions);
        _writer.WriteStartObject();
        _writer.WriteString("type"u8, "bundle"u8);
        _writer.WriteString("id"u8, BundleId);
        _writer.WritePropertyName("objects"u8);
        _writer.WriteStartArray();
    }

    public string BundleId { get; }

    /// <summary>Objects written so far.</summary>
    public long Count { get; private set; }

    public void Write(StixObject obj)
    {
        WriteObject(obj);
        if (_writer.BytesPending >= FlushThreshold)
            _writer.Flush();
    }

    public async ValueTask WriteAsync(StixObject obj, CancellationToken cancellationToken = default)
    {
        WriteObject(obj);
        if (_writer.BytesPending >= FlushThreshold)
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the objects array and the bundle and flushes; the stream stays open.</summary>
    public void Complete()
    {
        if (_completed)
            return;
        _completed = true;
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.Flush();
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed)
            return;
        _completed = true;
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Complete();
        _writer.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private void WriteObject(StixObject obj)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        // The bytes came from a reader that validated them, or from our own serialisation.
        _writer.WriteRawValue(obj.ToUtf8Json().Span, skipInputValidation: true);
        Count++;
    }
}
