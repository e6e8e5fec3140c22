using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte stats</c>: what the store holds, by type.</summary>
public static class StatsCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("stats", "Count objects and versions in the store, by type");
        command.SetAction(parse =>
        {
            using var store = StoreSession.Open(globals, parse);
            var stats = store.Stats();
            var table = new Table().AddColumn("type").AddColumn(new TableColumn("objects").RightAligned());
            foreach (var (type, count) in stats.ByType.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                table.AddRow(Markup.Escape(type), count.ToString("N0", CultureInfo.InvariantCulture));
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated(
                $"[bold]{stats.Objects.ToString("N0", CultureInfo.InvariantCulture)}[/] objects, [bold]{stats.Versions.ToString("N0", CultureInfo.InvariantCulture)}[/] versions in {globals.DbForDisplay(parse)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
