using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Reports.Tests.Support;

namespace Riposte.Reports.Tests;

public sealed class RegistrationTests(BuiltReports built)
{
    [Fact]
    public void AddRiposteReports_ResolvesBuilderOverTheNodesServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton(built.Node.Store);
        services.AddSingleton(built.Node.Get<IAccessGate>());
        services.AddSingleton(built.Node.Get<OrganizationService>());
        services.AddRiposteReports();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AnnualReportBuilder>()
            .Compute(new AnnualReportRequest(ReportNode.Year, ReportEdition.Public, Principal.System), TestContext.Current.CancellationToken);
        Assert.Equal(13, model.Sections.Count);
    }
}
