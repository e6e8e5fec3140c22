using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Riposte.Access;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Storage.Sqlite;
using Riposte.Storage.Sqlite.Access;
using Riposte.Storage.Sqlite.Taxii;
using Riposte.Storage.Taxii;

namespace Riposte.Taxii.Tests.Support;

/// <summary>
/// A real node on loopback: Kestrel on 127.0.0.1 (port 0), the SQLite STIX store (see
/// <see cref="PostgresTaxiiHost"/> for PostgreSQL), the access layer on SQLite and the TAXII endpoints, all
/// in a temporary folder. The cast of organisations, users and collections is created through the access
/// services, as an administrator would.
/// </summary>
public class TaxiiHost : IAsyncLifetime
{
    public const string NodeOrg = "identity--00000000-0000-4000-8000-000000000001";
    public const string OrgA = "identity--0000000a-0000-4000-8000-00000000000a";
    public const string OrgB = "identity--0000000b-0000-4000-8000-00000000000b";
    public const string OrgP = "identity--0000000c-0000-4000-8000-00000000000c";
    public const string OrgC = "identity--0000000d-0000-4000-8000-00000000000d";

    /// <summary>Read+write for all members, read-only for the partner organisation P.</summary>
    public const string Shared = "5a1f5c3e-8f0a-4c7e-9d2b-000000000001";

    /// <summary>Read+write for organisation A only.</summary>
    public const string Private = "5a1f5c3e-8f0a-4c7e-9d2b-000000000002";

    /// <summary>Read-only for every member (analysts cannot write to it).</summary>
    public const string ReadOnly = "5a1f5c3e-8f0a-4c7e-9d2b-000000000003";

    public const string Password = "correct horse battery staple";
    public const long MaxContentLength = 256 * 1024;
    public const int MaxPageSize = 50;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("riposte-taxii-");
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public IStixStore Store => Services.GetRequiredService<IStixStore>();

    /// <summary>User name → (organisation, role). Every user gets a password and a bearer token.</summary>
    public static readonly IReadOnlyDictionary<string, (string Org, Role Role)> Users = new Dictionary<string, (string, Role)>
    {
        ["alice"] = (OrgA, Role.Analyst),
        ["amy"] = (OrgA, Role.Reader),
        ["bob"] = (OrgB, Role.Analyst),
        ["pat"] = (OrgP, Role.Partner),
        ["carol"] = (OrgC, Role.Analyst),
        ["nadia"] = (NodeOrg, Role.Admin),
    };

    public string ApiRoot => "/taxii2/riposte/";

    /// <summary>The STIX store the node serves, migrated; the host's container disposes it.</summary>
    protected virtual IStixStore OpenStore(string folder)
    {
        var store = new SqliteStixStore(Path.Combine(folder, "stix.db"));
        store.Migrate();
        return store;
    }

    public virtual async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var accessPath = Path.Combine(_folder.FullName, "access.db");
        var statusPath = Path.Combine(_folder.FullName, "taxii-status.db");
        builder.Services.AddSingleton(_ => OpenStore(_folder.FullName));
        builder.Services.AddRiposteAccess(_ => SqliteAccessRepositories.ForFile(accessPath), o =>
        {
            o.NodeOrganizationId = NodeOrg;
            o.PasswordIterations = 1_000;
        });
        builder.Services.AddSingleton<ITaxiiStatusStore>(_ =>
        {
            var statuses = new SqliteTaxiiStatusStore(statusPath);
            statuses.Migrate();
            return statuses;
        });
        builder.Services.AddRiposteTaxii(o =>
        {
            o.MaxContentLength = MaxContentLength;
            o.MaxPageSize = MaxPageSize;
        });

        _app = builder.Build();
        _app.MapTaxii();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Seed();
    }

    private void Seed()
    {
        using var scope = Services.CreateScope();
        var admin = Principal.System;
        var orgs = scope.ServiceProvider.GetRequiredService<OrganizationService>();
        orgs.Register(admin, NodeOrg, "Node", TrustTier.Member);
        orgs.Register(admin, OrgA, "Agency A", TrustTier.Member);
        orgs.Register(admin, OrgB, "Agency B", TrustTier.Member);
        orgs.Register(admin, OrgP, "Platform P", TrustTier.Partner);
        orgs.Register(admin, OrgC, "Agency C", TrustTier.Member);
        // B is a client of A: it receives A's TLP:AMBER (an organisation relationship the matrix covers).
        orgs.AddClient(admin, OrgA, OrgB);

        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
        foreach (var (name, (org, role)) in Users)
        {
            var user = users.Create(admin, name, org, role, Password);
            _tokens[name] = tokens.Create(admin, user.Id, "tests", null).Secret;
        }

        var collections = scope.ServiceProvider.GetRequiredService<CollectionService>();
        collections.Create(admin, "Shared", "members write, partner reads", Shared);
        collections.Grant(admin, Shared, GranteeKind.Group, Access.Directory.BuiltInGroups.AllMembers, read: true, write: true);
        collections.Grant(admin, Shared, GranteeKind.Organization, OrgP, read: true, write: false);
        collections.Create(admin, "Private", "agency A only", Private);
        collections.Grant(admin, Private, GranteeKind.Organization, OrgA, read: true, write: true);
        collections.Create(admin, "Read only", "members read", ReadOnly);
        collections.Grant(admin, ReadOnly, GranteeKind.Group, Access.Directory.BuiltInGroups.AllMembers, read: true, write: false);
    }

    public string TokenOf(string user) => _tokens[user];

    /// <summary>A fresh collection (so a test owns its contents) that every member may read and write.</summary>
    public string NewCollection(string title = "scratch")
    {
        using var scope = Services.CreateScope();
        var collections = scope.ServiceProvider.GetRequiredService<CollectionService>();
        var id = collections.Create(Principal.System, title).Id;
        collections.Grant(Principal.System, id, GranteeKind.Group, Access.Directory.BuiltInGroups.AllMembers, read: true, write: true);
        return id;
    }

    /// <summary>A client sending the TAXII Accept header and the user's bearer token (null: no credentials).</summary>
    public HttpClient Client(string? user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return client;
    }

    public HttpClient BasicClient(string user, string password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>Stores objects directly (as the node), for read tests that need no POST.</summary>
    public void Put(string collectionId, params JsonObject[] objects) =>
        Store.Put(objects.Select(o => new StixObject(o)).ToList(), collectionId);

    public string Objects(string collectionId) => $"{ApiRoot}collections/{collectionId}/objects/";

    public virtual async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
