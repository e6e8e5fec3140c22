using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Riposte.Access;
using Riposte.Incidents;
using Riposte.Storage;
using Riposte.Storage.Sqlite;
using Riposte.Storage.Taxii;

namespace Riposte.Web;

/// <summary>
/// The services every way into a node shares — the store, the access gate and the features — so
/// the web host and the command line call the same code.
/// </summary>
public static class NodeServices
{
    /// <summary>
    /// Registers the store (opened and migrated once), the access layer, the TAXII status store and the
    /// features on it, every table in the one database <paramref name="db"/> names (SQLite file or PostgreSQL).
    /// </summary>
    public static IServiceCollection AddRiposteNode(this IServiceCollection services, string db, IStixStore? store = null, Action<AccessOptions>? access = null)
    {
        services.AddSingleton(_ =>
        {
            var opened = store ?? StixStores.Open(db);
            opened.Migrate();
            return opened;
        });
        // The node's organisation comes from the store registered above, not from a second connection.
        var database = NodeDatabases.For(db);
        // In the database, not in memory: a client follows its status after a restart and on any replica.
        services.TryAddSingleton<ITaxiiStatusStore>(_ => database.OpenTaxiiStatus(db));
        services.AddRiposteAccess(_ => database.OpenAccess(db))
            .Configure<IStixStore>((options, opened) => options.NodeOrganizationId = NodeIdentity.Ensure(opened))
            .BindConfiguration(AccessOptions.SectionName)
            .Configure(options => access?.Invoke(options));
        services.AddRiposteIncidents();
        return services;
    }

    /// <summary>A service provider for commands that run without a web host.</summary>
    public static ServiceProvider BuildForCommandLine(string db, IStixStore store)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables("RIPOSTE_").Build());
        services.AddRiposteNode(db, store);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
