using Riposte.Access;
using Riposte.Storage;
using Riposte.Taxii.Filtering;
using Riposte.Taxii.Paging;

namespace Riposte.Taxii.Endpoints;

/// <summary>What the paginated endpoints share: the store query for a filter and the next-token round trip.</summary>
internal static class TaxiiPaging
{
    /// <summary>What a next token is bound to: endpoint, collection, object, user and filters.</summary>
    public static string Scope(string endpoint, string collectionId, string? objectId, Principal principal, TaxiiFilter filter) =>
        string.Join('\n', endpoint, collectionId, objectId ?? "", principal.UserId, filter.Fingerprint());

    public static long? ResumeAfter(TaxiiFilter filter, NextTokenCodec codec, string scope) =>
        filter.Next is { } token ? codec.Decode(token, scope) : null;

    public static string? Next(Page page, NextTokenCodec codec, string scope) =>
        page.More ? codec.Encode(scope, page.ResumeAfter) : null;

    public static StixQuery Query(TaxiiFilter filter, string collectionId, string? objectId = null) => new()
    {
        CollectionId = collectionId,
        Ids = objectId is null ? filter.Ids : [objectId],
        Types = filter.Types,
        SpecVersions = filter.SpecVersions,
        AddedAfter = filter.AddedAfter?.Value,
    };
}
