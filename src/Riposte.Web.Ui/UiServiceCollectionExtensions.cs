using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Riposte.Reports;
using Riposte.Web.Ui.Auth;
using Riposte.Web.Ui.Views;

namespace Riposte.Web.Ui;

public static class UiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the analysts' web UI: Razor components rendered on the server, the cookie login and
    /// the page views (which read through the incident services and the access gate). Call after the
    /// node's services (store, access, incidents).
    /// </summary>
    public static IServiceCollection AddRiposteUi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRazorComponents();
        services.AddAntiforgery(o => o.Cookie.Name = "riposte.af");
        services.AddAuthentication().AddCookie(UiAuthentication.SchemeName, UiAuthentication.Configure);
        services.AddAuthorization(UiAdminPolicies.Configure);
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AdminRequirementHandler>();
        services.AddCascadingAuthenticationState();
        services.AddRiposteReports();
        services.TryAddScoped<MarkingView>();
        services.TryAddScoped<IncidentFinder>();
        services.TryAddScoped<NavigatorView>();
        services.TryAddScoped<DashboardView>();
        services.TryAddScoped<ClusterView>();
        services.TryAddScoped<IncidentPageView>();
        services.TryAddScoped<UiPermissions>();
        return services;
    }
}
