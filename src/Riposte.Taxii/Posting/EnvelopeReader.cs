using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Riposte.Taxii.Http;

namespace Riposte.Taxii.Posting;

/// <summary>
/// Reads the envelope of a POST (§5.5): checks the Content-Type (415), the size against the API
/// root's max_content_length (413) and the JSON (400, with line and byte position).
/// </summary>
public static class EnvelopeReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>The envelope's objects, detached from the envelope so each can be stored on its own.</summary>
    public static async Task<IReadOnlyList<JsonNode?>> ReadAsync(HttpRequest request, long maxContentLength, CancellationToken cancellationToken)
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
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body.WrittenSpan, documentOptions: ParseOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
                : "";
            throw TaxiiException.BadRequest($"the request body is not valid JSON{where}: {FirstSentence(e.Message)}");
        }

        if (root is not JsonObject envelope)
            throw TaxiiException.BadRequest("the request body must be a TAXII envelope: a JSON object with an 'objects' array");
        if (!envelope.TryGetPropertyValue("objects", out var objectsNode) || objectsNode is null)
            return [];
        if (objectsNode is not JsonArray objects)
            throw TaxiiException.BadRequest("$.objects must be an array of STIX objects");

        var items = objects.ToList();
        objects.Clear();
        return items;
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
