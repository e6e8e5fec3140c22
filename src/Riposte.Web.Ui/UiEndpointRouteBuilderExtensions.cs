using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Riposte.Web.Ui.Auth;
using Riposte.Web.Ui.Components;

namespace Riposte.Web.Ui;

public static class UiEndpointRouteBuilderExtensions
{
    // Scripts only from this site (the network picture is bundled, never fetched from a CDN).
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>
    /// Maps the UI at <c>/</c>: every page needs the UI cookie except <c>/login</c> and <c>/logout</c>.
    /// The host must call <c>UseAuthentication</c>, <c>UseAuthorization</c> and <c>UseAntiforgery</c> first.
    /// </summary>
    public static IEndpointRouteBuilder MapRiposteUi(this IEndpointRouteBuilder app)
    {
        app.MapGet(UiAssets.Prefix + "{**path}", UiAssets.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/_framework/blazor.web.js", context => UiAssets.Serve(context, "_framework/blazor.web.js").ExecuteAsync(context))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/reports/annual", ReportDownload.BuildAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = UiAuthentication.SchemeName })
            .ExcludeFromDescription();
        app.MapRazorComponents<App>()
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = UiAuthentication.SchemeName })
            .Add(endpoint => endpoint.RequestDelegate = WithHeaders(endpoint.RequestDelegate!));
        return app;
    }

    private static RequestDelegate WithHeaders(RequestDelegate next) => context =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    };
}
