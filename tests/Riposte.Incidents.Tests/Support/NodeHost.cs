using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Incidents;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite;
using Riposte.Storage.Sqlite.Access;
using Riposte.Taxii;
using Riposte.Taxonomy;

namespace Riposte.Incidents.Tests.Support;

/// <summary>
/// A real node on Kestrel (127.0.0.1, port 0): store, access, TAXII and the incidents API, with users of every
/// tier. A second node may share the first one's database (<see cref="SharingDatabaseOf"/>), as two replicas would.
/// </summary>
internal sealed class NodeHost : IAsyncDisposable
{
    public const string Password = "correct horse battery";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-incidents-http-" + Guid.NewGuid().ToString("N"));
    private readonly string? _sharedDb;
    private WebApplication? _app;

    public NodeHost()
    {
    }

    private NodeHost(string sharedDb) => _sharedDb = sharedDb;

    /// <summary>Another host on the same database file: its own process state (caches, locks), the same data.</summary>
    public static NodeHost SharingDatabaseOf(NodeHost first) => new(first.Db);

    public string Db => _sharedDb ?? Path.Combine(_folder, "store.db");
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public IServiceProvider Services => _app!.Services;
    public IStixStore Store => Services.GetRequiredService<IStixStore>();

    public async Task StartAsync()
    {
        if (_sharedDb is null)
            Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IStixStore>(_ =>
        {
            var store = Riposte.Web.StixStores.Open(Db);
            store.Migrate();
            return store;
        });
        builder.Services.AddRiposteAccess(_ => SqliteAccessRepositories.ForFile(Db), o =>
        {
            o.NodeOrganizationId = IncidentsHarness.NodeOrg;
            o.PasswordIterations = 1_000;
        });
        builder.Services.AddRiposteTaxii();
        builder.Services.AddRiposteIncidents();
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapTaxii();
        _app.MapRiposteIncidents();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        if (_sharedDb is not null)
            return;

        using var scope = _app.Services.CreateScope();
        var orgs = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        orgs.Register(Principal.System, IncidentsHarness.NodeOrg, "Node focal point", TrustTier.Member);
        orgs.Register(Principal.System, IncidentsHarness.MemberOrg, "Another member", TrustTier.Member);
        orgs.Register(Principal.System, IncidentsHarness.PartnerOrg, "Partner organisation", TrustTier.Partner);
        orgs.Register(Principal.System, IncidentsHarness.OutreachOrg, "Outreach NGO", TrustTier.Outreach);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        users.Create(Principal.System, "alice", IncidentsHarness.NodeOrg, Role.Analyst, Password);
        users.Create(Principal.System, "bob", IncidentsHarness.NodeOrg, Role.Analyst, Password);
        users.Create(Principal.System, "rita", IncidentsHarness.NodeOrg, Role.Reader, Password);
        users.Create(Principal.System, "pat", IncidentsHarness.PartnerOrg, Role.Partner, Password);
        users.Create(Principal.System, "olga", IncidentsHarness.OutreachOrg, Role.Partner, Password);
        users.Create(Principal.System, "otto", IncidentsHarness.OutreachOrg, Role.Partner, Password);
        DisarmLoader.LoadInto(Store);
    }

    public string CreateCollection(string title)
    {
        using var scope = Services.CreateScope();
        var collections = scope.ServiceProvider.GetRequiredService<CollectionService>();
        var collection = collections.Create(Principal.System, title);
        collections.Grant(Principal.System, collection.Id, GranteeKind.Organization, IncidentsHarness.NodeOrg, read: true, write: true);
        collections.Grant(Principal.System, collection.Id, GranteeKind.Organization, IncidentsHarness.PartnerOrg, read: true, write: false);
        return collection.Id;
    }

    /// <summary>An HTTP client that signs in as <paramref name="user"/> with HTTP Basic.</summary>
    public HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_sharedDb is not null)
            return;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
