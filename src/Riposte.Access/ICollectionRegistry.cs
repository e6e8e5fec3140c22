namespace Riposte.Access;

/// <summary>A TAXII collection as the access layer knows it.</summary>
public sealed record CollectionInfo(string Id, string Title, string? Description, IReadOnlyList<string> MediaTypes);

/// <summary>Collections and the grants on them; what each principal may see of them.</summary>
public interface ICollectionRegistry
{
    /// <summary>Collections the principal may read or write (others are not disclosed at all).</summary>
    IReadOnlyList<CollectionInfo> ListVisible(Principal principal);

    /// <summary>The collection, or null when it does not exist or the principal may neither read nor write it.</summary>
    CollectionInfo? GetVisible(Principal principal, string collectionId);
}
