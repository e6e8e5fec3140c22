using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Storage;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Filtering;
using Riposte.Taxii.Http;
using Riposte.Taxii.Paging;
using Riposte.Taxii.Resources;

namespace Riposte.Taxii.Endpoints;

/// <summary>§5.6 Get An Object, §5.7 Delete An Object and §5.8 Get Object Versions.</summary>
public static class ObjectApi
{
    public static IEndpointRouteBuilder MapObjectApi(this IEndpointRouteBuilder apiRoot)
    {
        apiRoot.MapGet("collections/{collectionId}/objects/{objectId}/", GetObject).WithName("TaxiiGetObject");
        apiRoot.MapDelete("collections/{collectionId}/objects/{objectId}/", DeleteObject).WithName("TaxiiDeleteObject");
        apiRoot.MapGet("collections/{collectionId}/objects/{objectId}/versions/", GetVersions).WithName("TaxiiGetObjectVersions");
        return apiRoot;
    }

    public static EnvelopeResult GetObject(string collectionId, string objectId, HttpContext http, CollectionAccess access, PageReader pages, NextTokenCodec tokens, IOptions<TaxiiOptions> options)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Readable(principal, collectionId);
        var filter = TaxiiFilterParser.Parse(http.Request.Query, FilterFields.Object, options.Value.MaxPageSize, VersionMatch.LastOnly);
        RequireVisible(pages, principal, collection.Id, objectId);
        var scope = TaxiiPaging.Scope("object", collection.Id, objectId, principal, filter);
        var after = TaxiiPaging.ResumeAfter(filter, tokens, scope);
        var page = pages.Read(principal, TaxiiPaging.Query(filter, collection.Id, objectId), filter.Limit, after, filter.Versions);
        return new EnvelopeResult(page, TaxiiPaging.Next(page, tokens, scope));
    }

    public static TaxiiJson<VersionsResource> GetVersions(string collectionId, string objectId, HttpContext http, CollectionAccess access, PageReader pages, NextTokenCodec tokens, IOptions<TaxiiOptions> options)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Readable(principal, collectionId);
        var filter = TaxiiFilterParser.Parse(http.Request.Query, FilterFields.Versions, options.Value.MaxPageSize, VersionMatch.Everything);
        RequireVisible(pages, principal, collection.Id, objectId);
        var scope = TaxiiPaging.Scope("versions", collection.Id, objectId, principal, filter);
        var after = TaxiiPaging.ResumeAfter(filter, tokens, scope);
        var page = pages.Read(principal, TaxiiPaging.Query(filter, collection.Id, objectId), filter.Limit, after, VersionMatch.Everything);
        var versions = page.Items.Select(i => VersionText(i.Stored)).ToList();
        var result = TaxiiResults.Ok(new VersionsResource(page.More, TaxiiPaging.Next(page, tokens, scope), versions.Count == 0 ? null : versions), TaxiiJson.Context.VersionsResource);
        AddDateAddedHeaders(result, page);
        return result;
    }

    public static Ok DeleteObject(string collectionId, string objectId, HttpContext http, CollectionAccess access, PageReader pages, IStixStore store)
    {
        var principal = TaxiiPrincipal.Get(http);
        var collection = access.Readable(principal, collectionId);
        RequireVisible(pages, principal, collection.Id, objectId);
        access.Writable(principal, collectionId);
        // Same default as the read endpoints (§3.4.1, and the OASIS reference server): the latest version; match[version]=all removes every version.
        var filter = TaxiiFilterParser.Parse(http.Request.Query, FilterFields.Delete, 100_000, VersionMatch.LastOnly);
        var page = pages.Read(principal, TaxiiPaging.Query(filter, collection.Id, objectId), filter.Limit, null, filter.Versions);
        if (page.Items.Count == 0)
            throw TaxiiException.NotFound($"object '{objectId}' has no version matching the filters in collection '{collectionId}'");
        foreach (var item in page.Items)
            store.Delete(objectId, item.Stored.Object.Version?.Text, collection.Id);
        return TypedResults.Ok();
    }

    /// <summary>The object's version per §5.3.2: modified, else created, else date_added.</summary>
    internal static string VersionText(StoredObject stored) =>
        stored.Object.Version?.Text ?? TaxiiTimestamps.Format(stored.DateAdded);

    internal static void AddDateAddedHeaders<T>(TaxiiJson<T> result, Page page)
    {
        if (page.Items.Count == 0)
            return;
        result.Headers[DateAddedHeaders.First] = TaxiiTimestamps.Format(page.Items[0].Stored.DateAdded);
        result.Headers[DateAddedHeaders.Last] = TaxiiTimestamps.Format(page.Items[^1].Stored.DateAdded);
    }

    /// <summary>An object that is not in the collection, or that the caller may not see, is a 404 either way.</summary>
    private static void RequireVisible(PageReader pages, Principal principal, string collectionId, string objectId)
    {
        var any = new StixQuery { CollectionId = collectionId, Ids = [objectId] };
        if (!TaxiiFilterParser.IsStixId(objectId) || pages.Read(principal, any, 1, null, VersionMatch.Everything).Items.Count == 0)
            throw TaxiiException.NotFound($"object '{objectId}' does not exist in collection '{collectionId}' or is not shared with you");
    }
}
