using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Riposte.Access;
using Riposte.Taxii.Http;

namespace Riposte.Taxii.Endpoints;

/// <summary>
/// Runs around every TAXII endpoint: refuses an unacceptable Accept header (406), turns
/// <see cref="TaxiiException"/> into TAXII error messages, and audits every request with its outcome.
/// Only a fault of the server itself is a 500; bad input never is.
/// </summary>
public sealed partial class TaxiiEndpointFilter(ILogger<TaxiiEndpointFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        // The access services queue this request's audit entries; RecordAsync below awaits them before the answer goes out.
        http.RequestServices.GetRequiredService<AccessRequestContext>().DeferAudit = true;
        object? result;
        if (!TaxiiMediaTypes.AcceptsTaxiiV21(http.Request.Headers.Accept))
        {
            result = TaxiiResults.Error(StatusCodes.Status406NotAcceptable, "Not acceptable",
                $"this server answers in {TaxiiMediaTypes.TaxiiV21}; the Accept header '{http.Request.Headers.Accept}' does not allow it");
        }
        else
        {
            try
            {
                result = await next(context);
            }
            catch (TaxiiException e)
            {
                result = TaxiiResults.Error(e.StatusCode, e.Title, e.Description);
            }
            catch (BadHttpRequestException e)
            {
                result = TaxiiResults.Error(e.StatusCode, "Bad request", e.Message);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                LogUnexpected(logger, e, http.Request.Method, http.Request.Path);
                result = TaxiiResults.Error(StatusCodes.Status500InternalServerError, "Internal server error",
                    "the server failed to handle the request; it has been logged");
            }
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        await http.RequestServices.GetRequiredService<TaxiiAudit>().RecordAsync(http, status, result);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "TAXII {Method} {Path} failed")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
