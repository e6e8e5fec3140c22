using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;

namespace Riposte.Federation;

public static class FederationEndpointRouteBuilderExtensions
{
    /// <summary>Maps the event stream, the change log for polling peers, the push receiver and the provenance lookup (<see cref="FederationOptions"/> paths; TAXII authentication).</summary>
    public static IEndpointRouteBuilder MapRiposteFederation(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<FederationOptions>>().Value;
        endpoints.MapEventStream(options.StreamPath);
        endpoints.MapChangesApi(options.ChangesPath);
        endpoints.MapPushApi(options.PushPath);
        return endpoints.MapProvenanceApi(options.ProvenancePath);
    }
}
