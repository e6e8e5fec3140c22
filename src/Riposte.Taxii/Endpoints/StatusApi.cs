using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Riposte.Storage.Taxii;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>§4.3 Get Status. A status is shown to the user who posted, and to nobody else: its details name the objects.</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder apiRoot)
    {
        apiRoot.MapGet("status/{statusId}/", GetStatus).WithName("TaxiiGetStatus");
        return apiRoot;
    }

    public static TaxiiJson<StatusResource> GetStatus(string statusId, HttpContext http, ITaxiiStatusStore statuses)
    {
        var principal = TaxiiPrincipal.Get(http);
        var status = statuses.Get(statusId);
        if (status is null || !string.Equals(status.OwnerUserId, principal.UserId, StringComparison.Ordinal))
            throw TaxiiException.NotFound($"status '{statusId}' does not exist or is not yours");
        return TaxiiResults.Ok(ToResource(status), TaxiiJson.Context.StatusResource);
    }

    public static StatusResource ToResource(TaxiiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new StatusResource(
            status.Id,
            status.Status,
            TaxiiTimestamps.Format(status.RequestTimestamp),
            status.TotalCount,
            status.Successes.Count,
            Details(status.Successes),
            status.Failures.Count,
            Details(status.Failures),
            status.Pendings.Count,
            Details(status.Pendings));
    }

    // The lists are optional and, when present, hold one or more entries (§4.3.1).
    private static List<StatusDetailResource>? Details(IReadOnlyList<TaxiiStatusDetail> details) =>
        details.Count == 0 ? null : details.Select(d => new StatusDetailResource(d.Id, d.Version, d.Message)).ToList();
}
