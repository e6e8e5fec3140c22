using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Riposte.Taxii.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>§4.1 Server Discovery and §4.2 API Root Information.</summary>
public static class DiscoveryApi
{
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder discovery, IEndpointRouteBuilder apiRoot)
    {
        discovery.MapGet("/", GetDiscovery).WithName("TaxiiDiscovery");
        apiRoot.MapGet("/", GetApiRoot).WithName("TaxiiApiRoot");
        return discovery;
    }

    public static TaxiiJson<DiscoveryResource> GetDiscovery(IOptions<TaxiiOptions> options)
    {
        var o = options.Value;
        return TaxiiResults.Ok(new DiscoveryResource(o.Title, o.Description, o.Contact, o.ApiRootPath, [o.ApiRootPath]), TaxiiJson.Context.DiscoveryResource);
    }

    public static TaxiiJson<ApiRootResource> GetApiRoot(IOptions<TaxiiOptions> options)
    {
        var o = options.Value;
        return TaxiiResults.Ok(new ApiRootResource(o.ApiRootTitle, o.ApiRootDescription, [TaxiiMediaTypes.TaxiiV21], o.MaxContentLength), TaxiiJson.Context.ApiRootResource);
    }
}
