using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Tests.Support;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite.Access;

namespace Riposte.Access.Tests;

public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void AddRiposteAccess_ValidOptions_ResolvesEveryServiceInAScope()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStixStore>(new InMemoryStixStore());
        services.AddRiposteAccess(_ => SqliteAccessRepositories.ForFile(_database.Path), o => o.NodeOrganizationId = AccessHarness.NodeOrg);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        var gate = scope.ServiceProvider.GetRequiredService<IAccessGate>();
        var registry = scope.ServiceProvider.GetRequiredService<ICollectionRegistry>();
        scope.ServiceProvider.GetRequiredService<IAuthenticator>();
        scope.ServiceProvider.GetRequiredService<OrganizationService>()
            .Register(Principal.System, AccessHarness.MemberOrg, "Member", TrustTier.Member);

        Assert.Empty(registry.ListVisible(new Principal("u", AccessHarness.MemberOrg, Role.Reader)));
        Assert.True(gate.CanReadCollection(new Principal("u", AccessHarness.MemberOrg, Role.Reader), null));
        Assert.True(provider.GetRequiredService<IAuditLog>().Verify().IsIntact);
    }

    [Fact]
    public async Task AddRiposteAccess_MissingNodeOrganisation_HostRefusesToStartSayingWhy()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IStixStore>(new InMemoryStixStore());
        builder.Services.AddRiposteAccess(_ => SqliteAccessRepositories.ForFile(_database.Path), o => o.PasswordIterations = 10);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("NodeOrganizationId", error.Message, StringComparison.Ordinal);
        Assert.Contains("PasswordIterations", error.Message, StringComparison.Ordinal);
    }
}
