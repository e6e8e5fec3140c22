using System.CommandLine;
using System.Globalization;
using Riposte.Taxonomy;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte init</c>: create the store and load what every node carries (safe to repeat).</summary>
public static class InitCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("init", "Create (or upgrade) the store and load the TLP 2.0 markings and DISARM; repeating it changes nothing");
        command.SetAction(parse =>
        {
            using var store = StoreSession.Open(globals, parse);
            var summary = BuiltIns.Load(store);
            Print(globals.Console, globals.DbForDisplay(parse), summary);
            return summary.Disarm.Rejected.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return command;
    }

    internal static void Print(CliConsole console, string db, BuiltIns.Summary summary)
    {
        var d = summary.Disarm;
        console.Out.MarkupLineInterpolated($"store [bold]{db}[/] ready; node organisation {summary.NodeOrganizationId}");
        console.Out.MarkupLineInterpolated($"TLP marking definitions: {summary.MarkingsAdded.ToString(CultureInfo.InvariantCulture)} added");
        console.Out.MarkupLineInterpolated(
            $"{d.Version}: {d.Total.ToString(CultureInfo.InvariantCulture)} objects ({d.Added.ToString(CultureInfo.InvariantCulture)} added, {d.Unchanged.ToString(CultureInfo.InvariantCulture)} unchanged), {d.MitigatesLinks.ToString(CultureInfo.InvariantCulture)} counter→technique links, {d.StaleCounterLinksSkipped.ToString(CultureInfo.InvariantCulture)} stale links skipped");
        foreach (var rejected in d.Rejected)
            console.Fail($"DISARM object {rejected.Id} rejected: {string.Join("; ", rejected.Issues)}");
        console.Out.MarkupLineInterpolated($"[grey]{DisarmText.Attribution}[/]");
    }
}
