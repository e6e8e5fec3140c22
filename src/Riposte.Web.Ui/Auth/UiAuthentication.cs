using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;

namespace Riposte.Web.Ui.Auth;

/// <summary>
/// The UI's cookie login. The cookie only remembers who signed in; on every request the user is read
/// again, so a disabled user is signed out and a changed role or organisation applies at once.
/// </summary>
public static class UiAuthentication
{
    public const string SchemeName = "RiposteUi";
    public const string CookieName = "riposte.ui";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.LoginPath = "/login";
        options.LogoutPath = "/logout";
        options.AccessDeniedPath = "/login";
        options.ReturnUrlParameter = "returnUrl";
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = Revalidate;
        options.Events.OnRedirectToAccessDenied = Forbidden;
    }

    /// <summary>A signed-in user refused by a page's policy (the admin pages) gets 403 and a page saying so, not the login form.</summary>
    private static Task Forbidden(RedirectContext<CookieAuthenticationOptions> context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status403Forbidden;
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed · Riposte</title><link rel=\"stylesheet\" href=\"/ui/css/site.css\"></head>" +
            "<body><main id=\"main\"><h1>Not allowed</h1><p>Only administrators may use this page. Go back to <a href=\"/\">the dashboard</a>.</p></main></body></html>");
    }

    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (services.GetService<AccessRequestContext>() is { RemoteAddress: null } request)
            request.RemoteAddress = context.HttpContext.Connection.RemoteIpAddress?.ToString();
        var signedIn = context.Principal is null ? null : UiClaims.PrincipalOf(context.Principal);
        var user = signedIn is null ? null : services.GetRequiredService<UserService>().Get(signedIn.UserId);
        if (user is null || user.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
            return;
        }
        var current = UserService.PrincipalOf(user);
        if (current != signedIn)
        {
            context.ReplacePrincipal(UiClaims.Of(current, user.Name));
            context.ShouldRenew = true;
        }
    }
}
