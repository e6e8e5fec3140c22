using System.Security.Claims;
using Riposte.Access;

namespace Riposte.Web.Ui.Auth;

/// <summary>The Riposte principal of a signed-in browser, carried in the UI cookie as claims.</summary>
public static class UiClaims
{
    public const string OrganizationClaim = "riposte:organization";
    public const string LoginNameClaim = "riposte:login";

    public static ClaimsPrincipal Of(Principal principal, string loginName) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, principal.UserId),
            new Claim(LoginNameClaim, loginName),
            new Claim(OrganizationClaim, principal.OrganizationId),
            new Claim(ClaimTypes.Role, RoleNames.Of(principal.Role)),
        ],
        UiAuthentication.SchemeName));

    /// <summary>The principal, or null when the request is not signed in to the UI.</summary>
    public static Principal? PrincipalOf(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true })
            return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var org = user.FindFirstValue(OrganizationClaim);
        return id is null || org is null || !RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? null
            : new Principal(id, org, role);
    }

    public static string LoginNameOf(ClaimsPrincipal user) => user.FindFirstValue(LoginNameClaim) ?? "";
}
