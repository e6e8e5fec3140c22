using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Access.Audit;

namespace Riposte.Web.Ui.Auth;

/// <summary>
/// Who reaches the admin pages and their form handlers, decided before the page runs: a refused
/// request never reaches a handler and answers 403. The services check again and audit every change.
/// </summary>
public static class UiAdminPolicies
{
    /// <summary>Admins of any organisation: they manage their own organisation's users and tokens.</summary>
    public const string Admin = "riposte-ui-admin";

    /// <summary>Admins of the node's organisation: organisations, collections, grants, peers, every user.</summary>
    public const string NodeAdmin = "riposte-ui-node-admin";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.AddAuthenticationSchemes(UiAuthentication.SchemeName).RequireAuthenticatedUser().AddRequirements(new AdminRequirement(NodeOnly: false)));
        options.AddPolicy(NodeAdmin, p => p.AddAuthenticationSchemes(UiAuthentication.SchemeName).RequireAuthenticatedUser().AddRequirements(new AdminRequirement(NodeOnly: true)));
    }

    /// <summary>The audit action of an admin path, so a refused attempt is filed beside the changes it tried to make.</summary>
    public static string ActionOf(PathString path)
    {
        var value = path.Value ?? "";
        return value.StartsWith("/admin/users", StringComparison.OrdinalIgnoreCase) ? AuditActions.UserChange
            : value.StartsWith("/admin/collections", StringComparison.OrdinalIgnoreCase) ? AuditActions.CollectionChange
            : value.StartsWith("/admin/peers", StringComparison.OrdinalIgnoreCase) ? AuditActions.PeerChange
            : AuditActions.OrganizationChange;
    }
}

/// <param name="NodeOnly">Only admins of the node's organisation (otherwise any admin).</param>
public sealed record AdminRequirement(bool NodeOnly) : IAuthorizationRequirement;

/// <summary>Decides <see cref="AdminRequirement"/> with the access layer's <see cref="AdminGuard"/>; audits refused form posts.</summary>
public sealed class AdminRequirementHandler : AuthorizationHandler<AdminRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        var principal = UiClaims.PrincipalOf(context.User);
        if (principal is null || context.Resource is not HttpContext http)
            return Task.CompletedTask;
        var guard = http.RequestServices.GetRequiredService<AdminGuard>();
        var allowed = requirement.NodeOnly ? guard.IsNodeAdmin(principal) : principal.Role == Role.Admin;
        if (allowed)
        {
            context.Succeed(requirement);
        }
        else if (HttpMethods.IsPost(http.Request.Method))
        {
            var remote = http.RequestServices.GetRequiredService<AccessRequestContext>().RemoteAddress ?? http.Connection.RemoteIpAddress?.ToString();
            http.RequestServices.GetRequiredService<IAuditLog>().Append(new AuditEvent(principal, UiAdminPolicies.ActionOf(http.Request.Path), false,
                $"refused: {(requirement.NodeOnly ? "node admin" : "admin")} form {http.Request.Path}", RemoteAddress: remote));
        }
        return Task.CompletedTask;
    }
}
