using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Riposte.Access;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Http;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>§5.1 Get Collections and §5.2 Get A Collection: only collections shared with the caller exist for it.</summary>
public static class CollectionsApi
{
    public static IEndpointRouteBuilder MapCollectionsApi(this IEndpointRouteBuilder apiRoot)
    {
        apiRoot.MapGet("collections/", GetCollections).WithName("TaxiiGetCollections");
        apiRoot.MapGet("collections/{collectionId}/", GetCollection).WithName("TaxiiGetCollection");
        return apiRoot;
    }

    public static TaxiiJson<CollectionsResource> GetCollections(HttpContext http, ICollectionRegistry registry, CollectionAccess access)
    {
        var principal = TaxiiPrincipal.Get(http);
        var visible = registry.ListVisible(principal).Select(c => ToResource(principal, c, access)).ToList();
        return TaxiiResults.Ok(new CollectionsResource(visible.Count == 0 ? null : visible), TaxiiJson.Context.CollectionsResource);
    }

    public static TaxiiJson<CollectionResource> GetCollection(string collectionId, HttpContext http, CollectionAccess access)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Visible(principal, collectionId);
        return TaxiiResults.Ok(ToResource(principal, collection, access), TaxiiJson.Context.CollectionResource);
    }

    private static CollectionResource ToResource(Principal principal, CollectionInfo collection, CollectionAccess access) =>
        new(collection.Id, collection.Title, collection.Description, null, access.CanRead(principal, collection), access.CanWrite(principal, collection),
            collection.MediaTypes.Count == 0 ? [TaxiiMediaTypes.StixV21] : collection.MediaTypes);
}
