using Microsoft.Extensions.Options;
using Riposte.Access;

namespace Riposte.Web.Ui.Views;

/// <summary>
/// Whether to offer write actions (forms, buttons). Only a hint for the page: the services decide
/// and refuse through the gate. Asking the gate here would audit a write check on every page view.
/// </summary>
public sealed class UiPermissions(IOptions<AccessOptions> options, AdminGuard guard)
{
    /// <summary>C5 in docs/access.md: analysts and admins of the node's organisation write to the store.</summary>
    public bool MayWrite(Principal principal) =>
        principal.Role is Role.Analyst or Role.Admin && string.Equals(principal.OrganizationId, options.Value.NodeOrganizationId, StringComparison.Ordinal);

    public bool IsNodeAdmin(Principal principal) => guard.IsNodeAdmin(principal);
}
