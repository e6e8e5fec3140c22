using Microsoft.Extensions.Options;
using Riposte.Access.Audit;

namespace Riposte.Access;

/// <summary>
/// Who may change who-is-who, and the audit of every such change. Node administration (organisations,
/// clients, groups, collections, grants) belongs to the node itself and to admins of the node's
/// organisation; an organisation's admin manages its own users; a user manages their own tokens.
/// </summary>
public sealed class AdminGuard(IAuditLog audit, AccessRequestContext request, IOptions<AccessOptions> options)
{
    public bool IsNodeAdmin(Principal actor) =>
        actor.IsSystem || (actor.Role == Role.Admin && string.Equals(actor.OrganizationId, options.Value.NodeOrganizationId, StringComparison.Ordinal));

    public bool MayManageUsersOf(Principal actor, string organizationId) =>
        IsNodeAdmin(actor) || (actor.Role == Role.Admin && string.Equals(actor.OrganizationId, organizationId, StringComparison.Ordinal));

    /// <summary>Audits the attempt and throws <see cref="UnauthorizedAccessException"/> when not allowed.</summary>
    public void Require(Principal actor, bool allowed, string action, string subject, string what)
    {
        if (!allowed)
        {
            audit.Append(new AuditEvent(actor, action, false, $"refused: {what}", ObjectId: subject, RemoteAddress: request.RemoteAddress));
            throw new UnauthorizedAccessException($"{actor.UserId} may not {what}");
        }
    }

    public void Record(Principal actor, string action, string subject, string what, string? collectionId = null) =>
        audit.Append(new AuditEvent(actor, action, true, what, ObjectId: subject, CollectionId: collectionId, RemoteAddress: request.RemoteAddress));
}
