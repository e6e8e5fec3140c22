using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Storage;

namespace Riposte.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AnnualReportBuilder"/> (scoped, like the organisation service it asks) after the store and the access layer.</summary>
    public static IServiceCollection AddRiposteReports(this IServiceCollection services) =>
        services.AddScoped(sp => new AnnualReportBuilder(sp.GetRequiredService<IStixStore>(), sp.GetRequiredService<IAccessGate>(), sp.GetRequiredService<OrganizationService>()));
}
