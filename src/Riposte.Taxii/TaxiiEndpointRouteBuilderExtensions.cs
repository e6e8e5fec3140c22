using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Endpoints;
using Riposte.Taxii.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii;

public static class TaxiiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps discovery at <see cref="TaxiiOptions.DiscoveryPath"/> and the API root's resources under
    /// <see cref="TaxiiOptions.ApiRootPath"/>. Every endpoint requires a Basic or Bearer principal.
    /// </summary>
    public static IEndpointRouteBuilder MapTaxii(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TaxiiOptions>>().Value;
        var discovery = Group(endpoints, options.DiscoveryPath);
        var apiRoot = Group(endpoints, options.ApiRootPath);
        discovery.MapDiscoveryApi(apiRoot);
        apiRoot.MapStatusApi();
        apiRoot.MapCollectionsApi();
        apiRoot.MapObjectsApi();
        apiRoot.MapObjectApi();
        apiRoot.MapManifestApi();
        return endpoints;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, string path)
    {
        var group = endpoints.MapGroup(path.TrimEnd('/'))
            .WithTags("TAXII 2.1")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = TaxiiAuthenticationHandler.SchemeName })
            .AddEndpointFilter<TaxiiEndpointFilter>();
        foreach (var status in new[] { 400, 401, 403, 404, 406, 413, 415 })
            group.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(TaxiiError), [TaxiiMediaTypes.TaxiiV21]));
        return group;
    }
}
