using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using Riposte.Federation;
using Riposte.Federation.Sync;
using Riposte.Incidents;
using Riposte.Storage;
using Riposte.Taxii;
using Riposte.Web.Ui;

namespace Riposte.Web;

/// <summary>Composes a Riposte node: one store, one access gate, and the features around them.</summary>
public static class RiposteHost
{
    public static WebApplication Build(RiposteHostSettings settings, IStixStore? store = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = settings.Environment,
            ApplicationName = typeof(RiposteHost).Assembly.GetName().Name,
        });
        builder.Configuration.AddEnvironmentVariables("RIPOSTE_");
        // Requests are audited by Riposte itself; framework chatter stays at warnings unless configured.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (!string.IsNullOrWhiteSpace(settings.Urls))
            builder.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        builder.Services.AddRiposteNode(settings.Db, store);
        builder.Services.AddRiposteTaxii();
        var database = NodeDatabases.For(settings.Db);
        // Replicas on one database sync peers once: the holder of the database's lease does it.
        builder.Services.AddSingleton(_ => new SyncLeadership(database.OpenLeaderLease(settings.Db, SyncLeadership.LeaseName)));
        builder.Services.AddRiposteFederation(_ => database.OpenFederation(settings.Db),
            options => options.KeysDirectory = PeerTokenProtector.KeysDirectoryFor(settings.Db, settings.KeysDirectory));
        builder.Services.AddRiposteUi();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapTaxii();
        app.MapRiposteIncidents();
        app.MapRiposteFederation();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapRiposteUi();
        return app;
    }
}
