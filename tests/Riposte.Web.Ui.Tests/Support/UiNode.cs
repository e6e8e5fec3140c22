using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Storage;
using Riposte.Storage.Access;
using Riposte.Taxonomy;
using Riposte.Web;

namespace Riposte.Web.Ui.Tests.Support;

/// <summary>
/// A real node — RiposteHost as <c>riposte serve</c> builds it — on a free loopback port over a
/// temporary SQLite file, with DISARM loaded, the node's organisation and a partner organisation,
/// and users of each. Seeds an AMBER incident of the node (the partner must never see it), a GREEN
/// one (everyone sees it) and a detection cluster.
/// </summary>
public sealed class UiNode : IAsyncDisposable
{
    public const string Password = "ui-test-password-2026";
    public const string PartnerOrg = "identity--00000000-0000-4000-8000-00000000aa01";
    public const string AmberName = "Amber dam memo leak";
    public const string GreenName = "Green flood rumour";
    public const string AmberTechnique = "T0085.004";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "riposte-ui-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public IServiceProvider Services => _app!.Services;
    public string NodeOrg { get; private set; } = "";
    public string AmberIncidentId { get; private set; } = "";
    public string GreenIncidentId { get; private set; } = "";
    public string ClusterId { get; private set; } = "";

    public static async Task<UiNode> StartAsync()
    {
        var node = new UiNode();
        await node.StartCoreAsync();
        return node;
    }

    private async Task StartCoreAsync()
    {
        Directory.CreateDirectory(_folder);
        // Logins in tests need not cost 600,000 PBKDF2 rounds each.
        Environment.SetEnvironmentVariable("RIPOSTE_Access__PasswordIterations", "1000");
        _app = RiposteHost.Build(new RiposteHostSettings { Db = Path.Combine(_folder, "store.db"), Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        NodeOrg = Services.GetRequiredService<IOptions<AccessOptions>>().Value.NodeOrganizationId!;
        Seed();
    }

    public T Get<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private void Seed()
    {
        var store = Services.GetRequiredService<IStixStore>();
        DisarmLoader.LoadInto(store, DisarmFramework.Embedded);
        using var scope = Services.CreateScope();
        var orgs = Get<OrganizationService>(scope);
        orgs.Register(Principal.System, NodeOrg, "Node focal point", TrustTier.Member);
        orgs.Register(Principal.System, PartnerOrg, "Partner newsroom", TrustTier.Partner);
        var users = Get<UserService>(scope);
        var analyst = UserService.PrincipalOf(users.Create(Principal.System, "analyst", NodeOrg, Role.Analyst, Password));
        users.Create(Principal.System, "admin", NodeOrg, Role.Admin, Password);
        users.Create(Principal.System, "partner", PartnerOrg, Role.Partner, Password);

        var incidents = Get<IncidentService>(scope);
        var amber = incidents.Create(analyst, new IncidentInput
        {
            Name = AmberName, Category = "information-manipulation", Tlp = "amber", Platforms = ["telegram"],
            FirstSeen = "2026-10-02T08:00:00Z", Description = "A forged memo about the dam spreads on messaging channels.",
        });
        incidents.TagTechnique(analyst, amber.Id, AmberTechnique, "forged documents", null);
        AmberIncidentId = amber.Id;
        GreenIncidentId = incidents.Create(analyst, new IncidentInput
        {
            Name = GreenName, Category = "information-manipulation", Tlp = "green", Platforms = ["facebook"],
            FirstSeen = "2026-10-05T08:00:00Z",
        }).Id;
        ClusterId = DetectionSeed.Into(store);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the OS cleans the temp folder.
        }
    }
}
