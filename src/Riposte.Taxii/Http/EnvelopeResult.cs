using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Riposte.Taxii.Paging;

namespace Riposte.Taxii.Http;

/// <summary>
/// A TAXII envelope (§3.7): <c>more</c>, <c>next</c> and the objects, written straight to the
/// response so a page of a thousand objects is never built as one big JSON tree.
/// </summary>
public sealed class EnvelopeResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

    internal EnvelopeResult(Page page, string? next)
    {
        Page = page;
        Next = next;
    }

    public Page Page { get; }
    public string? Next { get; }
    public int StatusCode => StatusCodes.Status200OK;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public string ContentType => TaxiiMediaTypes.TaxiiV21;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        DateAddedHeaders.Apply(response, Page);
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteBoolean("more", Page.More);
        if (Next is not null)
            writer.WriteString("next", Next);
        // §3.7: objects holds "one or more" objects, so an empty page leaves it out.
        if (Page.Items.Count > 0)
        {
            writer.WriteStartArray("objects");
            for (var i = 0; i < Page.Items.Count; i++)
            {
                Page.Items[i].Shown.WriteTo(writer);
                if (writer.BytesPending > 32 * 1024)
                    await writer.FlushAsync(httpContext.RequestAborted);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonObject), [TaxiiMediaTypes.TaxiiV21]));
    }
}

/// <summary>The X-TAXII-Date-Added-First/-Last headers (§3.6): date_added of the first and last object of a page.</summary>
public static class DateAddedHeaders
{
    public const string First = "X-TAXII-Date-Added-First";
    public const string Last = "X-TAXII-Date-Added-Last";

    public static void Apply(HttpResponse response, Page page)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(page);
        if (page.Items.Count == 0)
            return;
        response.Headers[First] = Resources.TaxiiTimestamps.Format(page.Items[0].Stored.DateAdded);
        response.Headers[Last] = Resources.TaxiiTimestamps.Format(page.Items[^1].Stored.DateAdded);
    }
}
