using System.CommandLine;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte incident history</c> and <c>diff</c>: who changed what, and any two versions compared.</summary>
internal static class IncidentHistoryCommands
{
    public static Command History(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var command = new Command("history", "Every version of an incident: who made it and which properties changed") { asUser, id };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var table = new Table().AddColumns("version", "edited by", "organisation", "change", "changed");
            foreach (var h in s.Get<IncidentService>().History(s.Principal, parse.GetValue(id)!))
                table.AddRow(h.Version, Markup.Escape(h.EditedBy), Markup.Escape(h.EditedByOrganization ?? ""), Markup.Escape(h.Change), Markup.Escape(string.Join(", ", h.Changed)));
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Diff(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var from = new Argument<string>("from") { Description = "The older version (its modified timestamp, as 'history' lists it)" };
        var to = new Argument<string?>("to") { Description = "The newer version; default: the latest", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("diff", "What changed between two versions of an incident, property by property") { asUser, id, from, to };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var diff = s.Get<ObjectWorkspace>().Diff(s.Principal, parse.GetValue(id)!, parse.GetValue(from)!, parse.GetValue(to), IncidentService.Type);
            var table = new Table().AddColumns("property", "before", "after");
            foreach (var change in diff.Changes)
                table.AddRow(Markup.Escape(change.Path), Markup.Escape(change.Before?.ToJsonString() ?? "-"), Markup.Escape(change.After?.ToJsonString() ?? "-"));
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{diff.Changes.Count} change(s) from {diff.From} to {diff.To}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
