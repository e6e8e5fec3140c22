using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;
using Riposte.Storage;
using Riposte.Storage.Federation;
using Riposte.Storage.Sqlite;
using Riposte.Storage.Sqlite.Federation;
using Riposte.Taxii;
using Riposte.Web;

namespace Riposte.Federation.Loopback;

/// <summary>
/// One real node on loopback: Kestrel on 127.0.0.1 (port 0 on first start, the same port after a
/// restart), its own SQLite file, the access layer, TAXII and federation composed as the web host does.
/// Stopping disposes the host: its connections, streams, sync loops and in-memory state go with it.
/// Shared by the federation tests and the federation benchmark (linked into bench/Riposte.Bench).
/// </summary>
public sealed class LoopbackNode : IAsyncDisposable
{
    private readonly Action<FederationOptions> _tune;
    private WebApplication? _app;
    private int _port;

    /// <param name="tune">Federation settings for this node (timings); <see cref="TestTimings"/> in tests.</param>
    public LoopbackNode(string name, string folder, Action<FederationOptions> tune)
    {
        Name = name;
        Db = Path.Combine(folder, name + ".db");
        _tune = tune;
    }

    /// <summary>Short heartbeats and retries, so tests see drops and recoveries within a second or two.</summary>
    public static void TestTimings(FederationOptions o)
    {
        o.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
        o.StreamIdleTimeout = TimeSpan.FromSeconds(3);
        o.RetryDelay = TimeSpan.FromMilliseconds(50);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(500);
        o.PeerRefreshInterval = TimeSpan.FromMilliseconds(200);
        o.RequestTimeout = TimeSpan.FromSeconds(5);
    }

    public string Name { get; }
    public string Db { get; }

    /// <summary>False: the event stream answers 404 (as behind a proxy that cuts long requests), so peers fall back to TAXII polling.</summary>
    public bool ServeStream { get; set; } = true;

    /// <summary>False: the push endpoint answers 404, as a plain TAXII server's would, so pushing peers fall back to TAXII POST and DELETE.</summary>
    public bool ServePush { get; set; } = true;

    /// <summary>The clock of this node's store (date_added); another node's clock may differ.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public Uri BaseAddress { get; private set; } = null!;
    public bool Running => _app is not null;
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException($"node {Name} is stopped");
    public IStixStore Store => Services.GetRequiredService<IStixStore>();
    public IFederationRepository Federation => Services.GetRequiredService<IFederationRepository>();
    public ChangeSignal Changes => Services.GetRequiredService<ChangeSignal>();
    /// <summary>The node's organisation and federation id: kept in its file, so still known while it is stopped.</summary>
    public string OrganizationId { get; private set; } = "";
    public string NodeId { get; private set; } = "";

    public async Task StartAsync()
    {
        // Content root in the node's folder: the host watches its configuration files there, not in a busy working directory.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetDirectoryName(Db) });
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{_port}");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddRiposteNode(Db, new SqliteStixStore(Db, Clock), access: o => o.PasswordIterations = 1_000);
        builder.Services.AddRiposteTaxii();
        builder.Services.AddRiposteFederation(_ => SqliteFederationRepository.ForFile(Db), o =>
        {
            o.KeysDirectory = PeerTokenProtector.KeysDirectoryFor(Db);
            _tune(o);
        });
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTaxii();
        if (ServeStream && ServePush)
            app.MapRiposteFederation();
        else
        {
            // The plain requests a proxy lets through; only the long-lived stream is cut.
            var paths = app.Services.GetRequiredService<IOptions<FederationOptions>>().Value;
            if (ServeStream)
                app.MapEventStream(paths.StreamPath);
            if (ServePush)
                app.MapPushApi(paths.PushPath);
            app.MapProvenanceApi(paths.ProvenancePath);
            app.MapChangesApi(paths.ChangesPath);
        }
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _port = address.Port;
        BaseAddress = address;
        OrganizationId = app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.NodeOrganizationId;
        NodeId = app.Services.GetRequiredService<FederationNode>().Id;
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
