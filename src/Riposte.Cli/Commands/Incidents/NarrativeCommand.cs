using System.CommandLine;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte narrative …</c>: create and list narratives, link them to incidents, actors, channels.</summary>
public static class NarrativeCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("narrative", "Narratives (x-riposte-narrative): create, list, show, update, link, unlink");
        var asUser = AnalystSession.AsOption();
        var name = new Option<string>("--name") { Required = true };
        var description = new Option<string?>("--description");
        var language = new Option<string[]>("--language");
        var tlp = new Option<string?>("--tlp");
        var create = new Command("create", "Create a narrative") { asUser, name, description, language, tlp };
        create.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var narrative = s.Get<NarrativeService>().CreateNarrative(s.Principal, new NarrativeInput
            {
                Name = parse.GetValue(name), Description = parse.GetValue(description), Languages = parse.GetValue(language), Tlp = parse.GetValue(tlp),
            });
            AnalystSession.PrintDone(globals, narrative, "created");
            return ExitCodes.Ok;
        }));

        var listAs = AnalystSession.AsOption();
        var search = new Option<string?>("--search");
        var list = new Command("list", "List narratives") { listAs, search };
        list.SetAction(parse => AnalystSession.Run(globals, parse, listAs, s =>
        {
            var table = new Table().AddColumns("id", "name", "version");
            foreach (var n in s.Get<NarrativeService>().List(s.Principal, RiposteExtensions.NarrativeType, parse.GetValue(search)))
                table.AddRow(Markup.Escape(n.Id), Markup.Escape(n.Name ?? ""), n.Version?.Text ?? "");
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        }));

        var linkAs = AnalystSession.AsOption();
        var source = new Argument<string>("source");
        var type = new Argument<string>("relationship") { Description = "e.g. related-to, uses, attributed-to" };
        var target = new Argument<string>("target");
        var link = new Command("link", "Link a narrative (or any object) to an incident, actor, channel or narrative") { linkAs, source, type, target };
        link.SetAction(parse => AnalystSession.Run(globals, parse, linkAs, s =>
        {
            var rel = s.Get<ObjectWorkspace>().Link(s.Principal, parse.GetValue(source)!, parse.GetValue(type)!, parse.GetValue(target)!);
            AnalystSession.PrintDone(globals, rel, "linked");
            return ExitCodes.Ok;
        }));

        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(link);
        command.Subcommands.Add(IncidentUnlinkCommands.Unlink(globals));
        command.Subcommands.Add(AnalystSession.ShowCommand(globals, "Show a narrative as STIX", (s, id) => s.Get<NarrativeService>().Get(s.Principal, id, RiposteExtensions.NarrativeType)));
        command.Subcommands.Add(Update(globals));
        HistoryCommands.AddTo(command, globals, "a narrative", RiposteExtensions.NarrativeType);
        return command;
    }

    private static Command Update(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var version = IncidentCommand.VersionOption();
        var name = new Option<string?>("--name");
        var description = new Option<string?>("--description");
        var tlp = new Option<string?>("--tlp");
        var command = new Command("update", "Edit a narrative (a new version)") { asUser, id, version, name, description, tlp };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<NarrativeService>();
            var target = parse.GetValue(id)!;
            var expected = IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target, RiposteExtensions.NarrativeType));
            var narrative = service.UpdateNarrative(s.Principal, target, expected, new NarrativeInput { Name = parse.GetValue(name), Description = parse.GetValue(description), Tlp = parse.GetValue(tlp) });
            AnalystSession.PrintDone(globals, narrative, "updated");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
