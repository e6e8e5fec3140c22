using System.CommandLine;
using System.Globalization;
using Riposte.Storage;
using Riposte.Web.Maintenance;

namespace Riposte.Cli.Commands.Storage;

/// <summary><c>riposte copy --from A --to B</c>: move a whole node between databases (SQLite ↔ PostgreSQL) without losing anything.</summary>
public static class CopyCommand
{
    public static Command Create(CliGlobals globals)
    {
        var from = new Option<string>("--from") { Description = "The source database: a SQLite file or a postgres:// URL", Required = true };
        var to = new Option<string>("--to") { Description = "The target database (created and migrated; must be empty unless --into-non-empty)", Required = true };
        var intoNonEmpty = new Option<bool>("--into-non-empty") { Description = "Merge into a target that holds data: what it holds already is kept as it is" };
        var command = new Command("copy", "Copy every STIX version (with collections and date_added), the access tables and audit log, the federation log and TAXII statuses to another database")
            { from, to, intoNonEmpty };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(from)!;
            var target = parse.GetValue(to)!;
            if (string.Equals(source, target, StringComparison.Ordinal))
                throw new CliException("copy: --from and --to name the same database");
            var report = StorageErrors.Guard(target, () => NodeCopier.Copy(source, target, parse.GetValue(intoNonEmpty)));
            var rows = report.Rows.Where(r => r.Rows > 0).Select(r => $"{r.Table} {r.Rows.ToString(CultureInfo.InvariantCulture)}");
            globals.Console.Out.MarkupLineInterpolated(
                $"copied {report.Versions.ToString(CultureInfo.InvariantCulture)} STIX version(s) ({report.Memberships.ToString(CultureInfo.InvariantCulture)} collection membership(s)) from {StoreFactory.Redact(source)} to [bold]{StoreFactory.Redact(target)}[/]");
            globals.Console.Out.MarkupLineInterpolated($"rows: {(rows.Any() ? string.Join(", ", rows) : "none")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
