using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Riposte.Access.Audit;
using Riposte.Access.Credentials;
using Riposte.Access.Directory;
using Riposte.Storage.Access;

namespace Riposte.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the access layer: the gate, authentication, organisation/user/token/collection
    /// services and the audit log. <paramref name="repositories"/> chooses the database provider,
    /// e.g. <c>_ =&gt; SqliteAccessRepositories.ForFile(path)</c>; an <c>IStixStore</c> must be registered too.
    /// Options are validated on start: a node without a valid organisation id does not start.
    /// </summary>
    public static OptionsBuilder<AccessOptions> AddRiposteAccess(
        this IServiceCollection services,
        Func<IServiceProvider, IAccessRepositories> repositories,
        Action<AccessOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var repos = repositories(sp);
            repos.Migrate();
            return repos;
        });
        services.TryAddSingleton<AccessDirectory>();
        services.TryAddSingleton<VerifiedPasswordCache>();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddScoped<AccessRequestContext>();
        services.TryAddScoped<AdminGuard>();
        services.TryAddScoped<AccessGate>();
        services.TryAddScoped<IAccessGate>(sp => sp.GetRequiredService<AccessGate>());
        services.TryAddScoped<Authenticator>();
        services.TryAddScoped<IAuthenticator>(sp => sp.GetRequiredService<Authenticator>());
        services.TryAddScoped<OrganizationService>();
        services.TryAddScoped<OrganizationOnboarding>();
        services.TryAddScoped<UserService>();
        services.TryAddScoped<TokenService>();
        services.TryAddScoped<CollectionService>();
        services.TryAddScoped<ICollectionRegistry>(sp => sp.GetRequiredService<CollectionService>());

        var options = services.AddOptions<AccessOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        return options;
    }

    /// <summary>Says every problem, not just "invalid".</summary>
    private sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
    {
        public ValidateOptionsResult Validate(string? name, AccessOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
