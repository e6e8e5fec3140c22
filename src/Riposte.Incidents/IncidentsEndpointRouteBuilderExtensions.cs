using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Api;
using Riposte.Taxii.Auth;

namespace Riposte.Incidents;

public static class IncidentsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the analyst's REST API under <c>/api</c> (incidents, narratives, channels, assessments,
    /// responses, lessons, tips, links). Every endpoint requires the same Basic/Bearer principal as TAXII.
    /// </summary>
    public static RouteGroupBuilder MapRiposteIncidents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = TaxiiAuthenticationHandler.SchemeName });
        api.MapIncidentsApi();
        api.MapNarrativesApi();
        api.MapAssessmentsApi();
        api.MapResponsesApi();
        api.MapTipsApi();
        return api;
    }
}
