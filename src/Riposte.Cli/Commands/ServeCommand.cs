using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Riposte.Web;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte serve</c>: run the node (health, TAXII 2.1, REST, UI) on the embedded store.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliGlobals globals)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, as ASP.NET takes it (e.g. http://0.0.0.0:5080;https://…)", DefaultValueFactory = _ => DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "Initialise the store, load DISARM and the demo data set first (safe to repeat)" };
        var command = new Command("serve", "Run the node: health, TAXII 2.1, REST API and web UI") { urls, demo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var db = globals.DbPath(parse);
            if (parse.GetValue(demo))
            {
                using var node = NodeSession.Open(db);
                Demo.Prepare(node, globals.Console);
            }
            var store = StoreSession.OpenForHost(db);

            await using var app = RiposteHost.Build(new RiposteHostSettings { Db = db, Urls = parse.GetValue(urls) }, store);
            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls)
                globals.Console.Out.MarkupLineInterpolated($"Riposte is serving [bold]{address}[/] (store: {globals.DbForDisplay(parse)}); health at {address}/health, TAXII at {address}/taxii2/. Ctrl+C stops it.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
