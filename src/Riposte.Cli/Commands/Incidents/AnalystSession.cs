using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Incidents;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Web;
using Spectre.Console;
using Spectre.Console.Json;

namespace Riposte.Cli.Commands.Incidents;

/// <summary>
/// The services the analyst commands call — the same ones the REST API calls, through the same access
/// gate — acting as the node itself, or as a registered user with <c>--as</c> so edits name them.
/// </summary>
internal sealed class AnalystSession : IDisposable
{
    private readonly Riposte.Storage.IStixStore _store;
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    private AnalystSession(CliGlobals globals, ParseResult parse, Option<string?> asUser)
    {
        var db = globals.DbPath(parse);
        _store = StoreSession.Open(db);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables("RIPOSTE_").Build());
        services.AddRiposteNode(db, _store);
        services.AddRiposteIncidents();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _scope = _provider.CreateScope();
        Principal = Principal.System;
        if (parse.GetValue(asUser) is { } name)
        {
            var user = Get<UserService>().GetByName(name) ?? throw new CliException($"no user '{name}' on this node; list users with 'riposte user list'");
            Principal = UserService.PrincipalOf(user);
        }
    }

    public Principal Principal { get; }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public static Option<string?> AsOption() => new("--as") { Description = "Act as this registered user (name); default: the node itself" };

    /// <summary>Runs a service call; refusals become a clear message and exit code 1 (input) or 2.</summary>
    public static int Run(CliGlobals globals, ParseResult parse, Option<string?> asUser, Func<AnalystSession, int> action)
    {
        using var session = new AnalystSession(globals, parse, asUser);
        try
        {
            return action(session);
        }
        catch (InputInvalidException e)
        {
            foreach (var (field, reasons) in e.Errors)
                globals.Console.Fail($"{field}: {string.Join("; ", reasons)}");
            return ExitCodes.SomeRejected;
        }
        catch (IncidentsException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>A <c>show ID</c> subcommand printing one object as STIX, read through <paramref name="get"/> (the gate decides).</summary>
    public static Command ShowCommand(CliGlobals globals, string description, Func<AnalystSession, string, StixObject> get)
    {
        var asUser = AsOption();
        var id = new Argument<string>("id");
        var command = new Command("show", description) { asUser, id };
        command.SetAction(parse => Run(globals, parse, asUser, s =>
        {
            PrintObject(globals, get(s, parse.GetValue(id)!));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static void PrintObject(CliGlobals globals, StixObject obj)
    {
        globals.Console.Out.Write(new JsonText(obj.Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
        globals.Console.Out.WriteLine();
        globals.Console.Out.MarkupLineInterpolated($"[green]{obj.Id}[/] version [bold]{obj.Version?.Text}[/]");
    }

    public static void PrintDone(CliGlobals globals, StixObject obj, string what) =>
        globals.Console.Out.MarkupLineInterpolated($"{what}: [green]{obj.Id}[/] version [bold]{obj.Version?.Text}[/]");

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
        _store.Dispose();
    }
}
