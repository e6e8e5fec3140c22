using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Filtering;
using Riposte.Taxii.Http;
using Riposte.Taxii.Paging;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>§5.3 Get Object Manifests: one record per object version the caller may see.</summary>
public static class ManifestApi
{
    public static IEndpointRouteBuilder MapManifestApi(this IEndpointRouteBuilder apiRoot)
    {
        apiRoot.MapGet("collections/{collectionId}/manifest/", GetManifest).WithName("TaxiiGetManifest");
        return apiRoot;
    }

    public static TaxiiJson<ManifestResource> GetManifest(string collectionId, HttpContext http, CollectionAccess access, PageReader pages, NextTokenCodec tokens, IOptions<TaxiiOptions> options)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Readable(principal, collectionId);
        var filter = TaxiiFilterParser.Parse(http.Request.Query, FilterFields.Collection, options.Value.MaxPageSize, VersionMatch.LastOnly);
        var scope = TaxiiPaging.Scope("manifest", collection.Id, null, principal, filter);
        var after = TaxiiPaging.ResumeAfter(filter, tokens, scope);
        var page = pages.Read(principal, TaxiiPaging.Query(filter, collection.Id), filter.Limit, after, filter.Versions);
        var records = page.Items
            .Select(i => new ManifestRecord(i.Stored.Object.Id, TaxiiTimestamps.Format(i.Stored.DateAdded), ObjectApi.VersionText(i.Stored), TaxiiMediaTypes.StixFor(i.Stored.Object.SpecVersion)))
            .ToList();
        var result = TaxiiResults.Ok(new ManifestResource(page.More, TaxiiPaging.Next(page, tokens, scope), records.Count == 0 ? null : records), TaxiiJson.Context.ManifestResource);
        ObjectApi.AddDateAddedHeaders(result, page);
        return result;
    }
}
