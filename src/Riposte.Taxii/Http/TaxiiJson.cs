using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Riposte.Taxii.Http;

/// <summary>A TAXII resource answered as <c>application/taxii+json;version=2.1</c> with status 200 (or 202).</summary>
public sealed class TaxiiJson<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private readonly JsonTypeInfo<T> _typeInfo;

    internal TaxiiJson(T value, JsonTypeInfo<T> typeInfo, int statusCode)
    {
        Value = value;
        _typeInfo = typeInfo;
        StatusCode = statusCode;
    }

    public T Value { get; }
    public int StatusCode { get; }
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    object? IValueHttpResult.Value => Value;
    public string ContentType => TaxiiMediaTypes.TaxiiV21;

    /// <summary>Response headers to add (the X-TAXII-Date-Added-* pair).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
            response.Headers[name] = value;
        await JsonSerializer.SerializeAsync(response.Body, Value, _typeInfo, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var status = method?.Name.StartsWith("Post", StringComparison.Ordinal) == true ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(T), [TaxiiMediaTypes.TaxiiV21]));
    }
}

/// <summary>Builds TAXII results.</summary>
public static class TaxiiResults
{
    public static TaxiiJson<T> Ok<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo, StatusCodes.Status200OK);

    public static TaxiiJson<T> Accepted<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo, StatusCodes.Status202Accepted);

    public static TaxiiErrorResult Error(int statusCode, string title, string? description = null) => new(statusCode, title, description);
}
