using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Riposte.Storage.Taxii;
using Riposte.Taxii.Auth;
using Riposte.Taxii.Endpoints;
using Riposte.Taxii.Paging;
using Riposte.Taxii.Posting;

namespace Riposte.Taxii;

public static class TaxiiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the TAXII 2.1 server: options (section <c>Riposte:Taxii</c>, validated at start-up),
    /// Basic/Bearer authentication, paging and posting. Expects the host to register
    /// <c>IStixStore</c>, <c>IAccessGate</c>, <c>ICollectionRegistry</c> and <c>IAuthenticator</c>;
    /// status resources stay in memory unless an <see cref="ITaxiiStatusStore"/> is registered.
    /// </summary>
    public static IServiceCollection AddRiposteTaxii(this IServiceCollection services, Action<TaxiiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TaxiiOptions>().BindConfiguration(TaxiiOptions.SectionName);
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaxiiOptions>, TaxiiOptionsValidator>());

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TaxiiAuthenticationHandler>(TaxiiAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITaxiiStatusStore>(_ => new InMemoryTaxiiStatusStore());
        services.TryAddSingleton<NextTokenCodec>();
        services.TryAddSingleton<ObjectIngestor>();
        // Scoped like the access services they call: the gate caches per request.
        services.TryAddScoped<PageReader>();
        services.TryAddScoped<CollectionAccess>();
        services.TryAddScoped<TaxiiAudit>();
        return services;
    }
}
