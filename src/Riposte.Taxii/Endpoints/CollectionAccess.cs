using Riposte.Access;
using Riposte.Taxii.Http;

namespace Riposte.Taxii.Endpoints;

/// <summary>
/// Resolves a collection for an operation. A collection the principal may not see is answered
/// exactly like one that does not exist (404, revealing nothing); a visible one without the grant
/// the operation needs is a 403.
/// </summary>
public sealed class CollectionAccess(ICollectionRegistry registry, IAccessGate gate)
{
    public CollectionInfo Visible(Principal principal, string collectionId) =>
        registry.GetVisible(principal, collectionId)
        ?? throw TaxiiException.NotFound($"collection '{collectionId}' does not exist or is not shared with you");

    public CollectionInfo Readable(Principal principal, string collectionId)
    {
        var collection = Visible(principal, collectionId);
        return gate.CanReadCollection(principal, collection.Id)
            ? collection
            : throw TaxiiException.Forbidden($"you may not read collection '{collectionId}'");
    }

    public CollectionInfo Writable(Principal principal, string collectionId)
    {
        var collection = Visible(principal, collectionId);
        return gate.CanWriteCollection(principal, collection.Id)
            ? collection
            : throw TaxiiException.Forbidden($"you may not write to collection '{collectionId}'");
    }

    public bool CanRead(Principal principal, CollectionInfo collection) => gate.CanReadCollection(principal, collection.Id);

    public bool CanWrite(Principal principal, CollectionInfo collection) => gate.CanWriteCollection(principal, collection.Id);
}
