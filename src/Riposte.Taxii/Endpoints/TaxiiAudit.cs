using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Riposte.Access;
using Riposte.Access.Audit;

namespace Riposte.Taxii.Endpoints;

/// <summary>
/// Records every TAXII request in the access layer's hash-chained audit log: who, which action on
/// which collection and object, from where, and the answer's status. The gate separately records
/// its collection decisions and the authenticator its refusals.
/// </summary>
public sealed partial class TaxiiAudit(IAuditLog log, AccessRequestContext request, ILogger<TaxiiAudit> logger)
{
    public void Record(HttpContext http, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Items.TryGetValue(typeof(Principal), out var item) || item is not Principal principal)
            return; // unauthenticated requests never reach an endpoint; the authenticator audits their failure
        var values = http.Request.RouteValues;
        var collectionId = values.TryGetValue("collectionId", out var c) ? c as string : null;
        var objectId = values.TryGetValue("objectId", out var o) ? o as string : null;
        var reason = $"TAXII {http.Request.Method} {http.Request.Path}{http.Request.QueryString} -> {statusCode}";
        log.Append(new AuditEvent(principal, ActionOf(http), statusCode < 400, reason, objectId, collectionId, request.RemoteAddress ?? http.Connection.RemoteIpAddress?.ToString()));
        LogRequest(logger, principal.UserId, http.Request.Method, http.Request.Path, statusCode);
    }

    private static string ActionOf(HttpContext http)
    {
        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "";
        return name switch
        {
            "TaxiiAddObjects" or "TaxiiDeleteObject" => AuditActions.ObjectWrite,
            "TaxiiGetObjects" or "TaxiiGetObject" or "TaxiiGetObjectVersions" or "TaxiiGetManifest" or "TaxiiGetStatus" => AuditActions.ObjectRead,
            _ => AuditActions.CollectionRead,
        };
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "TAXII {User} {Method} {Path} -> {Status}")]
    private static partial void LogRequest(ILogger logger, string user, string method, string path, int status);
}
