using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Riposte.Federation.Border;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation;

public static class FederationServiceCollectionExtensions
{
    /// <summary>
    /// Registers federation: options (section <c>Riposte:Federation</c>, validated at start-up), the
    /// repository, the store wrapped so writes wake the event streams and deletions are logged, the
    /// border check and one sync loop per peer. Call after the store (<see cref="IStixStore"/>) and
    /// the access layer are registered.
    /// </summary>
    public static IServiceCollection AddRiposteFederation(this IServiceCollection services, Func<IServiceProvider, IFederationRepository> repository, Action<FederationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(repository);
        var options = services.AddOptions<FederationOptions>().BindConfiguration(FederationOptions.SectionName);
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FederationOptions>, FederationOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var made = repository(sp);
            made.Migrate();
            return made;
        });
        services.TryAddSingleton<ChangeSignal>();
        services.TryAddSingleton<FederationNode>();
        services.TryAddSingleton(sp => PeerTokenProtector.ForKeys(sp.GetRequiredService<IOptions<FederationOptions>>().Value.KeysDirectory));
        services.TryAddSingleton<ChangeFeed>();
        services.TryAddSingleton<IncomingApplier>();
        services.TryAddSingleton<TaxiiPoller>();
        services.TryAddSingleton<PeerPusher>();
        services.TryAddSingleton<PeerLinkFactory>();
        services.TryAddScoped<BorderCheck>();
        services.AddSingleton<PeerSyncService>();
        services.AddHostedService(sp => sp.GetRequiredService<PeerSyncService>());
        WrapStore(services);
        return services;
    }

    /// <summary>Replaces the registered store with the notifying one around it (the same instance underneath).</summary>
    private static void WrapStore(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IStixStore))
            ?? throw new InvalidOperationException("AddRiposteFederation needs the store: register IStixStore (AddRiposteNode) first");
        if (registered.ImplementationFactory?.Method.DeclaringType == typeof(FederationServiceCollectionExtensions))
            return;
        services.Remove(registered);
        services.AddSingleton<IStixStore>(sp => new NotifyingStixStore(Inner(registered, sp), sp.GetRequiredService<IFederationRepository>(), sp.GetRequiredService<ChangeSignal>(), sp.GetRequiredService<TimeProvider>()));
    }

    private static IStixStore Inner(ServiceDescriptor registered, IServiceProvider sp) =>
        registered.ImplementationInstance as IStixStore
        ?? registered.ImplementationFactory?.Invoke(sp) as IStixStore
        ?? (IStixStore)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!);
}

internal sealed class FederationOptionsValidator : IValidateOptions<FederationOptions>
{
    public ValidateOptionsResult Validate(string? name, FederationOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
