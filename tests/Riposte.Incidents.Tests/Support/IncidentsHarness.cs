using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Incidents;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite;
using Riposte.Storage.Sqlite.Access;
using Riposte.Taxonomy;

namespace Riposte.Incidents.Tests.Support;

/// <summary>
/// A node as production wires it — SQLite store, access layer, incident services — over a temporary
/// file, with DISARM loaded and organisations of every tier registered.
/// </summary>
internal sealed class IncidentsHarness : IDisposable
{
    public const string NodeOrg = "identity--00000000-0000-4000-8000-000000000001";
    public const string MemberOrg = "identity--00000000-0000-4000-8000-0000000000c3";
    public const string PartnerOrg = "identity--00000000-0000-4000-8000-0000000000c4";
    public const string OutreachOrg = "identity--00000000-0000-4000-8000-0000000000c5";

    public static readonly Principal Analyst = new("user--analyst-a", NodeOrg, Role.Analyst);
    public static readonly Principal SecondAnalyst = new("user--analyst-b", NodeOrg, Role.Analyst);
    public static readonly Principal NodeReader = new("user--reader", NodeOrg, Role.Reader);
    public static readonly Principal MemberAnalyst = new("user--member-analyst", MemberOrg, Role.Analyst);
    public static readonly Principal PartnerUser = new("user--partner", PartnerOrg, Role.Partner);
    public static readonly Principal OutreachUser = new("user--outreach-1", OutreachOrg, Role.Partner);
    public static readonly Principal OtherOutreachUser = new("user--outreach-2", OutreachOrg, Role.Partner);

    private static readonly Lazy<DisarmFramework> Disarm = new(() => DisarmFramework.Embedded);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-incidents-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _provider;

    public IncidentsHarness(bool loadDisarm = true)
    {
        Directory.CreateDirectory(_folder);
        Db = Path.Combine(_folder, "store.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IStixStore>(_ =>
        {
            var store = Riposte.Web.StixStores.Open(Db);
            store.Migrate();
            return store;
        });
        services.AddRiposteAccess(_ => SqliteAccessRepositories.ForFile(Db), o =>
        {
            o.NodeOrganizationId = NodeOrg;
            o.PasswordIterations = 1_000;
        });
        services.AddRiposteIncidents();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Store = _provider.GetRequiredService<IStixStore>();

        using var scope = Scope();
        var orgs = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        orgs.Register(Principal.System, NodeOrg, "Node focal point", TrustTier.Member);
        orgs.Register(Principal.System, MemberOrg, "Another member", TrustTier.Member);
        orgs.Register(Principal.System, PartnerOrg, "Partner organisation", TrustTier.Partner);
        orgs.Register(Principal.System, OutreachOrg, "Outreach NGO", TrustTier.Outreach);
        if (loadDisarm)
            DisarmLoader.LoadInto(Store, Disarm.Value);
    }

    public string Db { get; }
    public IStixStore Store { get; }

    /// <summary>A TAXII collection the node's organisation writes to and the partner and member read.</summary>
    public string CreateCollection(string title)
    {
        using var scope = Scope();
        var collections = scope.ServiceProvider.GetRequiredService<CollectionService>();
        var collection = collections.Create(Principal.System, title);
        collections.Grant(Principal.System, collection.Id, GranteeKind.Organization, NodeOrg, read: true, write: true);
        collections.Grant(Principal.System, collection.Id, GranteeKind.Organization, PartnerOrg, read: true, write: false);
        collections.Grant(Principal.System, collection.Id, GranteeKind.Organization, MemberOrg, read: true, write: false);
        return collection.Id;
    }

    public IServiceScope Scope() => _provider.CreateScope();

    /// <summary>A service from a fresh scope (each call is like a new request).</summary>
    public T Get<T>() where T : notnull => _provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
