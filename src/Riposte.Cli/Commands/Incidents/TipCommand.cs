using System.CommandLine;
using System.Globalization;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte tip …</c>: the triage queue — submit a tip (text, links, files, a STIX bundle), list, show, accept, dismiss.</summary>
public static class TipCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("tip", "Tips from outreach partners: submit, list, show, accept into an incident, dismiss");
        foreach (var sub in new[] { Submit(globals), List(globals), Show(globals), Accept(globals), Dismiss(globals) })
            command.Subcommands.Add(sub);
        return command;
    }

    private static Command Submit(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var text = new Option<string?>("--text") { Description = "What the submitter saw" };
        var links = new Option<string[]>("--link") { Description = "An http(s) URL (repeatable)" };
        var files = new Option<string[]>("--file") { Description = "A file to attach, kept with its SHA-256 (repeatable)" };
        var bundle = new Option<string?>("--bundle") { Description = "A STIX 2.1 bundle file; its valid objects are imported when the tip is accepted" };
        var command = new Command("submit", "Submit a tip into the triage queue (as an outreach user: --as)") { asUser, text, links, files, bundle };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var tip = s.Get<TipService>().Submit(s.Principal, new TipInput
            {
                Text = parse.GetValue(text),
                Links = parse.GetValue(links),
                Files = [.. parse.GetValue(files)!.Select(ReadFile)],
                Bundle = parse.GetValue(bundle) is { } path ? ReadText(path) : null,
            });
            AnalystSession.PrintDone(globals, tip, "submitted");
            PrintFailures(globals, tip);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var status = new Option<string?>("--status") { Description = "submitted, accepted or dismissed" };
        var command = new Command("list", "List tips as a table (a submitter sees only their own)") { asUser, status };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var tips = s.Get<TipService>().List(s.Principal, parse.GetValue(status));
            var table = new Table().AddColumns("id", "summary", "status", "files", "links", "submitted");
            foreach (var tip in tips)
            {
                table.AddRow(Markup.Escape(tip.Id), Markup.Escape(tip.Name ?? ""), tip.GetString("status") ?? "",
                    tip.GetStrings("artifact_refs").Count.ToString(CultureInfo.InvariantCulture),
                    tip.GetStrings("links").Count.ToString(CultureInfo.InvariantCulture), tip.Created?.Text ?? "");
            }
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{tips.Count} tip(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var command = new Command("show", "Show a tip as STIX, with its bundle problems if any") { asUser, id };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var tip = s.Get<TipService>().Get(s.Principal, parse.GetValue(id)!);
            AnalystSession.PrintObject(globals, tip);
            PrintFailures(globals, tip);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Accept(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var incident = new Argument<string>("incident") { Description = "The incident the tip becomes evidence of" };
        var note = new Option<string?>("--note");
        var command = new Command("accept", "Accept a tip into an incident: files and links become evidence, the bundle's valid objects are imported") { asUser, id, incident, note };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var tip = s.Get<TipService>().Accept(s.Principal, parse.GetValue(id)!, parse.GetValue(incident)!, parse.GetValue(note));
            AnalystSession.PrintDone(globals, tip, "accepted");
            if (tip.Json["bundle_imported_count"] is { } imported)
                globals.Console.Out.MarkupLineInterpolated($"imported {imported.ToJsonString()} object(s) from the tip's bundle");
            return PrintFailures(globals, tip) ? ExitCodes.SomeRejected : ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Dismiss(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var reason = new Option<string>("--reason") { Description = "Why; the submitter sees it", Required = true };
        var command = new Command("dismiss", "Dismiss a tip with a reason") { asUser, id, reason };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var tip = s.Get<TipService>().Dismiss(s.Principal, parse.GetValue(id)!, parse.GetValue(reason)!);
            AnalystSession.PrintDone(globals, tip, "dismissed");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Prints the bundle objects that were not (or will not be) imported; true when there were any.</summary>
    private static bool PrintFailures(CliGlobals globals, Riposte.Stix.StixObject tip)
    {
        if (tip.Json["bundle_failures"] is not System.Text.Json.Nodes.JsonArray failures || failures.Count == 0)
            return false;
        foreach (var failure in failures)
        {
            var id = failure?["object_id"]?.GetValue<string>();
            globals.Console.Warn($"bundle {failure?["path"]?.GetValue<string>()}{(id is null ? "" : " (" + id + ")")}: {failure?["reason"]?.GetValue<string>()}");
        }
        return true;
    }

    private static TipFile ReadFile(string path)
    {
        try
        {
            return new TipFile(Path.GetFileName(path), Convert.ToBase64String(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read --file '{path}': {e.Message}");
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read --bundle '{path}': {e.Message}");
        }
    }
}
