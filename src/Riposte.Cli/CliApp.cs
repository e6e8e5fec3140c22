using System.CommandLine;
using Riposte.Cli.Commands;
using Riposte.Cli.Commands.Access;
using Riposte.Cli.Commands.Analytics;
using Riposte.Cli.Commands.Federation;
using Riposte.Cli.Commands.Incidents;

namespace Riposte.Cli;

/// <summary>The <c>riposte</c> command: every subcommand calls the same services as the server, not HTTP.</summary>
public static class CliApp
{
    public static RootCommand Build(CliGlobals globals)
    {
        var root = new RootCommand("Riposte: identify, analyse, share and answer foreign information manipulation and interference (FIMI), over STIX 2.1 and TAXII 2.1.");
        root.Options.Add(globals.Db);
        foreach (var command in new[]
        {
            InitCommand.Create(globals),
            ImportCommand.Create(globals),
            ExportCommand.Create(globals),
            ShowCommand.Create(globals),
            SearchCommand.Create(globals),
            StatsCommand.Create(globals),
            ValidateCommand.Create(globals),
            TaxonomyCommand.Create(globals),
            ServeCommand.Create(globals),
            Commands.Storage.MigrateCommand.Create(globals),
            Commands.Storage.CopyCommand.Create(globals),
            IngestCommand.Create(globals),
            DetectCommand.Create(globals),
            IncidentCommand.Create(globals),
            AssessCommand.Create(globals),
            ResponseCommand.Create(globals),
            NarrativeCommand.Create(globals),
            ChannelCommand.Create(globals),
            TipCommand.Create(globals),
            LessonCommand.Create(globals),
            PeerCommand.Create(globals),
            OrgCommand.Create(globals),
            UserCommand.Create(globals),
            TokenCommand.Create(globals),
            CollectionCommand.Create(globals),
            AuditCommand.Create(globals),
            DemoCommand.Create(globals),
            ReportCommand.Create(globals),
        })
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var globals = new CliGlobals(console);
        var parse = Build(globals).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                console.Fail(error.Message);
            console.Error.WriteLine("Run 'riposte --help' (or 'riposte <command> --help') for usage.");
            return ExitCodes.UsageOrEnvironment;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException e)
        {
            console.Fail(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The services say what is wrong in their messages; no stack trace for a user's mistake.
            console.Fail(e.Message);
            return ExitCodes.UsageOrEnvironment;
        }
        catch (Npgsql.NpgsqlException e)
        {
            // Opening was fine but the server failed or went away mid-command: its reason, not a stack trace.
            console.Fail($"the PostgreSQL store failed: {Riposte.Storage.Postgres.PostgresLocation.Reason(e)}");
            return ExitCodes.UsageOrEnvironment;
        }
        catch (OperationCanceledException)
        {
            console.Fail("cancelled");
            return ExitCodes.UsageOrEnvironment;
        }
    }
}

/// <summary>A failure the user can fix; its message says what is wrong, where, and what to do.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.UsageOrEnvironment) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
