using System.CommandLine;
using Riposte.Taxonomy;
using Spectre.Console;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte taxonomy …</c>: DISARM as Riposte carries it — list, search and show by id, name and tactic.</summary>
public static class TaxonomyCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("taxonomy", $"Browse DISARM ({DisarmText.Version}): Red techniques and Blue counters");
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(Search(globals));
        command.Subcommands.Add(Show(globals));
        command.Subcommands.Add(Tactics(globals));
        return command;
    }

    private static Command Tactics(CliGlobals globals)
    {
        var command = new Command("tactics", "The 16 tactics in kill-chain order, with their phase");
        command.SetAction(_ =>
        {
            var disarm = DisarmFramework.Embedded;
            var table = new Table().AddColumns("tactic", "name", "phase", "techniques");
            foreach (var tactic in disarm.Tactics)
                table.AddRow(tactic.Id, Markup.Escape(tactic.Name), Markup.Escape(disarm.Find(tactic.PhaseId)?.Name ?? tactic.PhaseId), disarm.TechniquesOfTactic(tactic.Id).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var tactic = new Option<string?>("--tactic") { Description = "Only this tactic (e.g. TA17)" };
        var counters = new Option<bool>("--counters") { Description = "List Blue counters instead of Red techniques" };
        var command = new Command("list", "List techniques (or counters with --counters), optionally of one tactic") { tactic, counters };
        command.SetAction(parse =>
        {
            var disarm = DisarmFramework.Embedded;
            var tacticId = parse.GetValue(tactic);
            if (tacticId is not null && disarm.FindTactic(tacticId) is null)
                throw new CliException($"'{tacticId}' is not a DISARM tactic id; 'riposte taxonomy tactics' lists them (TA01 … TA18)");
            if (parse.GetValue(counters))
            {
                var list = tacticId is null ? disarm.Counters : disarm.CountersOfTactic(tacticId);
                PrintItems(globals, list.Select(c => (IDisarmItem)c).ToList());
                Caution(globals);
            }
            else
            {
                var list = tacticId is null ? disarm.Techniques : disarm.TechniquesOfTactic(tacticId);
                PrintItems(globals, list.Select(t => (IDisarmItem)t).ToList());
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Search(CliGlobals globals)
    {
        var text = new Argument<string>("text") { Description = "Part of a name or an id (case and diacritics ignored)" };
        var command = new Command("search", "Find techniques, tactics and counters by id or name") { text };
        command.SetAction(parse =>
        {
            var disarm = DisarmFramework.Embedded;
            var query = parse.GetValue(text)!;
            var hits = disarm.Find(query) is { } exact ? [exact] : disarm.SearchByName(query);
            if (hits.Count == 0)
            {
                globals.Console.Out.MarkupLine("[grey]no match[/]");
                return ExitCodes.Ok;
            }
            PrintItems(globals, hits);
            if (hits.Any(h => h.Kind == DisarmKind.Counter))
                Caution(globals);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliGlobals globals)
    {
        var id = new Argument<string>("id") { Description = "A DISARM id: T0049, T0049.003, TA17, C00006, …" };
        var command = new Command("show", "Show one DISARM item; a technique with its sub-techniques and the counters linked to it") { id };
        command.SetAction(parse =>
        {
            var disarm = DisarmFramework.Embedded;
            var wanted = parse.GetValue(id)!;
            var item = disarm.Find(wanted) ?? throw new CliException($"no DISARM item '{wanted}'; try 'riposte taxonomy search {wanted}'");
            var console = globals.Console.Out;
            console.MarkupLineInterpolated($"[bold]{item.Id}[/] {item.Name} [grey]({item.Kind})[/]");
            switch (item)
            {
                case DisarmTechnique technique:
                    var tacticName = disarm.FindTactic(technique.TacticId)?.Name ?? "";
                    console.MarkupLineInterpolated($"tactic {technique.TacticId} {tacticName}{(technique.ParentId is null ? "" : $"; sub-technique of {technique.ParentId}")}");
                    console.WriteLine(technique.Summary);
                    console.MarkupLineInterpolated($"[grey]{technique.Url}[/]");
                    var subs = disarm.SubtechniquesOf(technique.Id);
                    if (subs.Count > 0)
                        PrintItems(globals, subs.Cast<IDisarmItem>().ToList());
                    var counters = disarm.CountersForTechnique(technique.Id);
                    if (counters.Count > 0)
                    {
                        console.MarkupLine("[bold]Counters linked to it[/]");
                        PrintItems(globals, counters.Cast<IDisarmItem>().ToList());
                        Caution(globals);
                    }
                    break;
                case DisarmTactic tactic:
                    console.WriteLine(tactic.Summary);
                    PrintItems(globals, disarm.TechniquesOfTactic(tactic.Id).Cast<IDisarmItem>().ToList());
                    break;
                case DisarmCounter counter:
                    console.MarkupLineInterpolated($"tactic {counter.TacticId} (source label: {counter.TacticLabelInSource}); response type {counter.ResponseTypeId ?? "-"}");
                    console.WriteLine(counter.Summary);
                    console.MarkupLineInterpolated($"counters: {string.Join(", ", counter.ValidTechniqueIds)}");
                    if (counter.StaleReferences.Any())
                        console.MarkupLineInterpolated($"[grey]stale references (not linked): {string.Join(", ", counter.StaleReferences.Select(r => r.RefId))}[/]");
                    Caution(globals);
                    break;
                default:
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintItems(CliGlobals globals, IReadOnlyList<IDisarmItem> items)
    {
        var table = new Table().AddColumns("id", "name", "kind");
        foreach (var item in items)
            table.AddRow(Markup.Escape(item.Id), Markup.Escape(item.Name), item.Kind.ToString());
        globals.Console.Out.Write(table);
    }

    private static void Caution(CliGlobals globals) =>
        globals.Console.Out.MarkupLineInterpolated($"[yellow]Caution (DISARM Blue framework):[/] {DisarmText.EthicsCaution}");
}
