using System.CommandLine;
using Riposte.Storage;
using Riposte.Web.Maintenance;

namespace Riposte.Cli.Commands.Storage;

/// <summary><c>riposte migrate</c>: create or upgrade every table of the node's database (SQLite or PostgreSQL) and print the schema versions.</summary>
public static class MigrateCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("migrate", "Create or upgrade every table set of the node's database (STIX store, access, federation, TAXII statuses) and print their schema versions");
        command.SetAction(parse =>
        {
            var db = globals.DbPath(parse);
            var versions = StorageErrors.Guard(db, () => NodeMigrator.Migrate(db));
            globals.Console.Out.MarkupLineInterpolated($"database [bold]{StoreFactory.Redact(db)}[/] is up to date");
            foreach (var (tableSet, version) in versions)
                globals.Console.Out.MarkupLineInterpolated($"  {tableSet,-11} schema {version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
