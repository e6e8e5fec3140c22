using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Taxii.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>
/// Records every TAXII request in the access layer's hash-chained audit log: who, which action on
/// which collection and object, from where, the filters (the query string), the answer's status and,
/// for reads, how many objects (or versions) it returned — one entry per request, not one per object,
/// so a page of a thousand objects costs one entry. The gate separately records its collection
/// decisions and the authenticator its refusals. The answer waits until the request's entries are stored.
/// </summary>
public sealed partial class TaxiiAudit(IAuditLog log, AccessRequestContext request, ILogger<TaxiiAudit> logger)
{
    public async Task RecordAsync(HttpContext http, int statusCode, object? result)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Items.TryGetValue(typeof(Principal), out var item) || item is not Principal principal)
            return; // unauthenticated requests never reach an endpoint; the authenticator audits their failure
        var values = http.Request.RouteValues;
        var collectionId = values.TryGetValue("collectionId", out var c) ? c as string : null;
        var objectId = values.TryGetValue("objectId", out var o) ? o as string : null;
        var reason = $"TAXII {http.Request.Method} {http.Request.Path}{http.Request.QueryString} -> {statusCode}{Returned(result)}";
        var entry = new AuditEvent(principal, ActionOf(http), statusCode < 400, reason, objectId, collectionId, request.RemoteAddress ?? http.Connection.RemoteIpAddress?.ToString());
        request.AddPendingAudit(log.AppendAsync(entry));
        await request.AuditStoredAsync();
        LogRequest(logger, principal.UserId, http.Request.Method, http.Request.Path, statusCode);
    }

    /// <summary>" (1000 objects returned)" for the reading endpoints; nothing for the others.</summary>
    private static string Returned(object? result) => result switch
    {
        EnvelopeResult envelope => Count(envelope.Page.Items.Count, "object", "objects"),
        TaxiiJson<ManifestResource> manifest => Count(manifest.Value.Objects?.Count ?? 0, "manifest record", "manifest records"),
        TaxiiJson<VersionsResource> versions => Count(versions.Value.Versions?.Count ?? 0, "version", "versions"),
        _ => "",
    };

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $" ({count} {(count == 1 ? one : many)} returned)");

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
