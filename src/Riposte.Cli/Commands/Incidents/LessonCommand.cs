using System.CommandLine;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte lesson …</c>: record lessons learned and best practices about responses and incidents; find them again.</summary>
public static class LessonCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("lesson", "Lessons learned and best practices (STIX notes linked to responses and incidents)");
        command.Subcommands.Add(Add(globals));
        command.Subcommands.Add(Update(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(AnalystSession.ShowCommand(globals, "Show a lesson as STIX", (s, id) => s.Get<LessonService>().Get(s.Principal, id)));
        HistoryCommands.AddTo(command, globals, "a lesson", LessonService.Type);
        return command;
    }

    private static Command Add(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var kind = new Option<string>("--kind") { Description = string.Join(" or ", LessonService.Kinds), DefaultValueFactory = _ => LessonService.Kinds[0] };
        var title = new Option<string>("--title") { Required = true };
        var content = new Option<string>("--content") { Description = "What was learned", Required = true };
        var about = new Option<string[]>("--about") { Description = "A response or incident id the lesson is about (repeatable)", Required = true };
        var tlp = new Option<string?>("--tlp") { Description = "clear, green, amber (default), amber+strict, red" };
        var command = new Command("add", "Record a lesson learned or a best practice") { asUser, kind, title, content, about, tlp };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var lesson = s.Get<LessonService>().Create(s.Principal, new LessonInput
            {
                Kind = parse.GetValue(kind), Title = parse.GetValue(title), Content = parse.GetValue(content), ObjectRefs = parse.GetValue(about), Tlp = parse.GetValue(tlp),
            });
            AnalystSession.PrintDone(globals, lesson, "recorded");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Update(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var version = IncidentCommand.VersionOption();
        var title = new Option<string?>("--title");
        var content = new Option<string?>("--content");
        var about = new Option<string[]>("--about") { Description = "Replaces what the lesson is about (repeatable)" };
        var command = new Command("update", "Edit a lesson (a new version)") { asUser, id, version, title, content, about };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<LessonService>();
            var target = parse.GetValue(id)!;
            var lesson = service.Update(s.Principal, target, IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target)), new LessonInput
            {
                Title = parse.GetValue(title), Content = parse.GetValue(content), ObjectRefs = parse.GetValue(about) is { Length: > 0 } refs ? refs : null,
            });
            AnalystSession.PrintDone(globals, lesson, "updated");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var search = new Option<string?>("--search") { Description = "Words to find in the title or the content" };
        var kind = new Option<string?>("--kind");
        var about = new Option<string?>("--about") { Description = "Only lessons about this response or incident" };
        var command = new Command("list", "List or search lessons as a table") { asUser, search, kind, about };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var lessons = s.Get<LessonService>().List(s.Principal, parse.GetValue(search), parse.GetValue(kind), parse.GetValue(about));
            var table = new Table().AddColumns("id", "kind", "title", "about", "authors");
            foreach (var lesson in lessons)
            {
                table.AddRow(Markup.Escape(lesson.Id), string.Join(", ", lesson.Labels), Markup.Escape(lesson.GetString("abstract") ?? ""),
                    Markup.Escape(string.Join(", ", lesson.GetStrings("object_refs"))), Markup.Escape(string.Join(", ", lesson.GetStrings("authors"))));
            }
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{lessons.Count} lesson(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
