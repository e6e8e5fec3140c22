using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Federation.Peers;
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
        // One process per node unless the host registers its database's lease first (replicas on PostgreSQL).
        services.TryAddSingleton(_ => new SyncLeadership(null));
        services.TryAddSingleton<PeerDirectory>();
        services.TryAddSingleton<FederationNode>();
        services.TryAddSingleton(sp => PeerTokenProtector.ForKeys(sp.GetRequiredService<IOptions<FederationOptions>>().Value.KeysDirectory));
        services.TryAddSingleton<ChangeFeed>();
        services.TryAddSingleton<IncomingApplier>();
        services.TryAddSingleton<ProvenanceClient>();
        services.TryAddSingleton<TaxiiPoller>();
        services.TryAddSingleton<ChangeLogPoller>();
        services.TryAddSingleton<PeerPusher>();
        services.TryAddSingleton<PeerLinkFactory>();
        services.TryAddScoped<BorderCheck>();
        services.TryAddScoped<PeerService>();
        services.AddSingleton<PeerSyncService>();
        services.AddHostedService(sp => sp.GetRequiredService<PeerSyncService>());
        services.AddHostedService<ExternalChangeWatcher>();
        // The store wakes the streams and logs deletions and later memberships; the gate holds peers to their agreements on every read path.
        Decorate<IStixStore>(services, "the store (AddRiposteNode)", (sp, inner) =>
            new NotifyingStixStore(inner, sp.GetRequiredService<IFederationRepository>(), sp.GetRequiredService<ChangeSignal>(), sp.GetRequiredService<TimeProvider>()));
        Decorate<IAccessGate>(services, "the access layer (AddRiposteNode)", (sp, inner) =>
            new AgreementGate(inner, sp.GetRequiredService<PeerDirectory>(), sp.GetRequiredService<IOptions<AccessOptions>>()));
        return services;
    }

    /// <summary>Replaces the registered <typeparamref name="T"/> with <paramref name="wrap"/> around it, keeping its lifetime.</summary>
    private static void Decorate<T>(IServiceCollection services, string what, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"AddRiposteFederation needs {what} registered first");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(typeof(T), sp => wrap(sp, (T)Inner(registered, sp)), registered.Lifetime));
    }

    private static object Inner(ServiceDescriptor registered, IServiceProvider sp) =>
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!);
}

internal sealed class FederationOptionsValidator : IValidateOptions<FederationOptions>
{
    public ValidateOptionsResult Validate(string? name, FederationOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
