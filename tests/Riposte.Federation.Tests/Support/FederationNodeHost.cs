using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Federation;
using Riposte.Federation.Sync;
using Riposte.Storage;
using Riposte.Storage.Federation;
using Riposte.Storage.Sqlite.Federation;
using Riposte.Taxii;
using Riposte.Web;

namespace Riposte.Federation.Tests.Support;

/// <summary>
/// One real node on loopback: Kestrel on 127.0.0.1 (port 0 on first start, the same port after a
/// restart), its own SQLite file, the access layer, TAXII and federation composed as the web host does.
/// </summary>
public sealed class FederationNodeHost : IAsyncDisposable
{
    private WebApplication? _app;
    private int _port;

    public FederationNodeHost(string name, string folder)
    {
        Name = name;
        Db = Path.Combine(folder, name + ".db");
    }

    public string Name { get; }
    public string Db { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public bool Running => _app is not null;
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException($"node {Name} is stopped");
    public IStixStore Store => Services.GetRequiredService<IStixStore>();
    public IFederationRepository Federation => Services.GetRequiredService<IFederationRepository>();
    public string OrganizationId => Services.GetRequiredService<IOptions<AccessOptions>>().Value.NodeOrganizationId;
    public string NodeId => Services.GetRequiredService<FederationNode>().Id;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{_port}");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddRiposteNode(Db, access: o => o.PasswordIterations = 1_000);
        builder.Services.AddRiposteTaxii();
        builder.Services.AddRiposteFederation(_ => SqliteFederationRepository.ForFile(Db), o =>
        {
            o.KeysDirectory = PeerTokenProtector.KeysDirectoryFor(Db);
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
            o.StreamIdleTimeout = TimeSpan.FromSeconds(3);
            o.RetryDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(500);
            o.PeerRefreshInterval = TimeSpan.FromMilliseconds(200);
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTaxii();
        app.MapRiposteFederation();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _port = address.Port;
        BaseAddress = address;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null)
            return;
        var app = _app;
        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
