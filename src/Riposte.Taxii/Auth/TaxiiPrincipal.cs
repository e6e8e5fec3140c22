using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Riposte.Access;

namespace Riposte.Taxii.Auth;

/// <summary>The Riposte principal behind an authenticated TAXII request.</summary>
public static class TaxiiPrincipal
{
    public static Principal Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(Principal), out var item) && item is Principal principal)
            return principal;
        // Authenticated by another scheme of the host: rebuild the principal from its claims.
        var user = context.User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var org = user.FindFirstValue(TaxiiAuthenticationHandler.OrganizationClaim);
        if (id is null || org is null || !Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role))
            throw new InvalidOperationException("the TAXII endpoints require an authenticated Riposte principal");
        return new Principal(id, org, role);
    }
}
