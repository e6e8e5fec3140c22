using Microsoft.Extensions.DependencyInjection;
using Riposte.Storage;
using Riposte.Storage.Federation;
using Riposte.Web;

namespace Riposte.Cli.Tests;

/// <summary>The store `serve` hands the host: the host adds the federation log itself, once.</summary>
public class ServeStoreTests
{
    [Fact]
    public async Task ServeStore_DeletionThroughTheHost_IsLoggedOnceForPeers()
    {
        using var cli = new CliRunner();
        await using var app = RiposteHost.Build(new RiposteHostSettings { Db = cli.Db, Urls = "http://127.0.0.1:0" }, StoreSession.OpenForHost(cli.Db));
        var store = app.Services.GetRequiredService<IStixStore>();
        var federation = app.Services.GetRequiredService<IFederationRepository>();
        var identity = Riposte.Stix.StixObject.Parse("""{"type":"identity","spec_version":"2.1","id":"identity--0b6f1a9e-6c55-4b0e-9d5a-0c8a1d2a9f11","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","name":"Gone soon","identity_class":"organization"}""");
        store.Put([identity]);
        var before = federation.TombstonesAfter(0, 100).Count;

        store.Delete(identity.Id);

        Assert.Equal(before + 1, federation.TombstonesAfter(0, 100).Count);
    }
}
