using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Http;

/// <summary>A TAXII error message (§3.6.1): TAXII keeps its own error format instead of ProblemDetails.</summary>
public sealed class TaxiiErrorResult(int statusCode, string title, string? description) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TaxiiError>
{
    public int StatusCode { get; } = statusCode;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public TaxiiError Value { get; } = new(title, description, HttpStatus: statusCode.ToString(CultureInfo.InvariantCulture));
    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, StatusCode, Value, httpContext.RequestAborted);

    internal static async Task WriteAsync(HttpResponse response, int statusCode, TaxiiError error, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = TaxiiMediaTypes.TaxiiV21;
        await JsonSerializer.SerializeAsync(response.Body, error, TaxiiJson.Context.TaxiiError, cancellationToken);
    }
}
