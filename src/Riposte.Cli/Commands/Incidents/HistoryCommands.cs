using System.CommandLine;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary>
/// <c>riposte incident|assess|response|narrative|channel|lesson history</c> and <c>diff</c>: who changed
/// what, and any two versions compared. One pair of commands for every kind an analyst edits, so each
/// kind's history reads the same way; the STIX type guards against an id of another kind.
/// </summary>
internal static class HistoryCommands
{
    public static Command History(CliGlobals globals, string noun, string stixType)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var command = new Command("history", $"Every version of {noun}: who made it and which properties changed") { asUser, id };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var table = new Table().AddColumns("version", "edited by", "organisation", "change", "changed");
            foreach (var h in s.Get<ObjectWorkspace>().History(s.Principal, parse.GetValue(id)!, stixType))
                table.AddRow(h.Version, Markup.Escape(h.EditedBy), Markup.Escape(h.EditedByOrganization ?? ""), Markup.Escape(h.Change), Markup.Escape(string.Join(", ", h.Changed)));
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Diff(CliGlobals globals, string noun, string stixType)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var from = new Argument<string>("from") { Description = "The older version (its modified timestamp, as 'history' lists it)" };
        var to = new Argument<string?>("to") { Description = "The newer version; default: the latest", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("diff", $"What changed between two versions of {noun}, property by property") { asUser, id, from, to };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var diff = s.Get<ObjectWorkspace>().Diff(s.Principal, parse.GetValue(id)!, parse.GetValue(from)!, parse.GetValue(to), stixType);
            var table = new Table().AddColumns("property", "before", "after");
            foreach (var change in diff.Changes)
                table.AddRow(Markup.Escape(change.Path), Markup.Escape(change.Before?.ToJsonString() ?? "-"), Markup.Escape(change.After?.ToJsonString() ?? "-"));
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{diff.Changes.Count} change(s) from {diff.From} to {diff.To}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Adds both commands to a kind's command.</summary>
    public static void AddTo(Command command, CliGlobals globals, string noun, string stixType)
    {
        command.Subcommands.Add(History(globals, noun, stixType));
        command.Subcommands.Add(Diff(globals, noun, stixType));
    }
}
