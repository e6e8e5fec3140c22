using Riposte.Access.Directory;

namespace Riposte.Access;

/// <summary>Who may read and write a collection (or the whole store), and why.</summary>
public static class CollectionRules
{
    public static (bool Allowed, string Reason) Decide(Principal principal, string? collectionId, bool write, AccessSnapshot snapshot, AccessOptions options)
    {
        if (principal.IsSystem)
            return (true, "the node itself");
        if (snapshot.Organization(principal.OrganizationId) is null)
            return (false, $"organisation {principal.OrganizationId} is not registered on this node");
        if (write && principal.Role == Role.Reader)
            return (false, "the reader role never writes");

        if (collectionId is null)
        {
            // The whole store: anyone registered may read (markings still apply per object);
            // only the node's own analysts and admins write outside a collection.
            if (!write)
                return (true, "registered organisations may read the store through the marking rules");
            return string.Equals(principal.OrganizationId, options.NodeOrganizationId, StringComparison.Ordinal) && principal.Role is Role.Analyst or Role.Admin
                ? (true, "an analyst or admin of the node's organisation")
                : (false, "only analysts and admins of the node's organisation write outside a collection");
        }

        if (snapshot.Collection(collectionId) is null)
            return (false, $"collection {collectionId} does not exist");
        var (read, canWrite) = snapshot.RightsOn(collectionId, principal.OrganizationId);
        return write
            ? canWrite ? (true, "write granted") : (false, "no write grant for the organisation or its groups")
            : read ? (true, "read granted") : (false, "no read grant for the organisation or its groups");
    }
}
