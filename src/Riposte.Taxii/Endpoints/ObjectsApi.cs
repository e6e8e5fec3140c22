using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Filtering;
using Riposte.Taxii.Http;
using Riposte.Taxii.Paging;
using Riposte.Taxii.Posting;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>§5.4 Get Objects and §5.5 Add Objects.</summary>
public static class ObjectsApi
{
    public static IEndpointRouteBuilder MapObjectsApi(this IEndpointRouteBuilder apiRoot)
    {
        apiRoot.MapGet("collections/{collectionId}/objects/", GetObjects).WithName("TaxiiGetObjects");
        apiRoot.MapPost("collections/{collectionId}/objects/", PostObjects).WithName("TaxiiAddObjects");
        return apiRoot;
    }

    public static EnvelopeResult GetObjects(string collectionId, HttpContext http, CollectionAccess access, PageReader pages, NextTokenCodec tokens, IOptions<TaxiiOptions> options)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Readable(principal, collectionId);
        var filter = TaxiiFilterParser.Parse(http.Request.Query, FilterFields.Collection, options.Value.MaxPageSize, VersionMatch.LastOnly);
        var scope = TaxiiPaging.Scope("objects", collection.Id, null, principal, filter);
        var after = TaxiiPaging.ResumeAfter(filter, tokens, scope);
        var page = pages.Read(principal, TaxiiPaging.Query(filter, collection.Id), filter.Limit, after, filter.Versions);
        return new EnvelopeResult(page, TaxiiPaging.Next(page, tokens, scope));
    }

    public static async Task<TaxiiJson<StatusResource>> PostObjects(string collectionId, HttpContext http, CollectionAccess access, ObjectIngestor ingestor, IOptions<TaxiiOptions> options)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Writable(principal, collectionId);
        var objects = await EnvelopeReader.ReadAsync(http.Request, options.Value.MaxContentLength, http.RequestAborted);
        var status = await ingestor.IngestAsync(principal, collection.Id, objects);
        return TaxiiResults.Accepted(StatusApi.ToResource(status), TaxiiJson.Context.StatusResource);
    }
}
