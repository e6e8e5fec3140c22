using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Riposte.Stix;
using Riposte.Taxii.Http;

namespace Riposte.Taxii.Posting;

/// <summary>
/// Reads the envelope of a POST (§5.5): checks the Content-Type (415), the size against the API
/// root's max_content_length (413) and the JSON (400, with line and byte position).
/// </summary>
public static class EnvelopeReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// The envelope's objects in order, each kept as the bytes it was sent in: one pass over the body checks the
    /// JSON and cuts out the elements, and no JSON tree is built (the validator and the store read the bytes).
    /// </summary>
    public static async Task<IReadOnlyList<EnvelopeEntry>> ReadAsync(HttpRequest request, long maxContentLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TaxiiMediaTypes.IsTaxiiV21Content(request.ContentType))
            throw new TaxiiException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Content-Type must be {TaxiiMediaTypes.TaxiiV21}, not '{request.ContentType ?? "(none)"}'");
        if (request.ContentLength > maxContentLength)
            throw TooLarge(maxContentLength);

        // Let our own limit decide, so the answer is a TAXII 413 and not the server's default cap.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = maxContentLength + 1;

        var body = await ReadBoundedAsync(request.Body, maxContentLength, cancellationToken);
        try
        {
            return Entries(body.WrittenSpan);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
                : "";
            throw TaxiiException.BadRequest($"the request body is not valid JSON{where}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>The entries of an envelope's <c>objects</c>; the whole body is read, so JSON errors anywhere in it are found.</summary>
    /// <exception cref="JsonException">The body is not valid JSON.</exception>
    internal static IReadOnlyList<EnvelopeEntry> Entries(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        if (!reader.Read())
            throw new JsonException("the body is empty", null, 0, 0);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip(); // a JSON error after the value still counts as one
            ReadToEnd(ref reader);
            throw TaxiiException.BadRequest("the request body must be a TAXII envelope: a JSON object with an 'objects' array");
        }
        List<EnvelopeEntry>? entries = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isObjects = reader.ValueTextEquals("objects"u8);
            reader.Read();
            if (!isObjects || reader.TokenType == JsonTokenType.Null)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                ReadToEnd(ref reader);
                throw TaxiiException.BadRequest("$.objects must be an array of STIX objects");
            }
            entries = [];
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                entries.Add(Entry(ref reader, body));
        }
        ReadToEnd(ref reader);
        return entries ?? [];
    }

    /// <summary>The element the reader is on, which it leaves on the element's last token.</summary>
    private static EnvelopeEntry Entry(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new EnvelopeEntry(null, "a STIX object must be a JSON object");
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var element = body[start..(int)reader.BytesConsumed];
        return Utf8.IsValid(element)
            ? new EnvelopeEntry(StixObject.FromReceivedUtf8(element), null)
            : new EnvelopeEntry(null, "the object is not valid UTF-8");
    }

    private static void ReadToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static async Task<ArrayBufferWriter<byte>> ReadBoundedAsync(Stream body, long maxContentLength, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(64 * 1024);
                var read = await body.ReadAsync(memory, cancellationToken);
                if (read == 0)
                    return buffer;
                buffer.Advance(read);
                if (buffer.WrittenCount > maxContentLength)
                    throw TooLarge(maxContentLength);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxContentLength);
        }
    }

    private static TaxiiException TooLarge(long maxContentLength) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large",
            string.Create(CultureInfo.InvariantCulture, $"the request body exceeds this API root's max_content_length of {maxContentLength} bytes"));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
