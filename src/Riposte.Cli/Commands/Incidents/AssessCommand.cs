using System.CommandLine;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Riposte.Stix.Markings;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte assess …</c>: draft a threat assessment, list, show, update, add objects, review it, share it to a TAXII collection.</summary>
public static class AssessCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("assess", "Threat assessments (STIX reports): create, list, show, update, add, review, share");
        command.Subcommands.Add(CreateCmd(globals));
        command.Subcommands.Add(List(globals));
        command.Subcommands.Add(AnalystSession.ShowCommand(globals, "Show an assessment as STIX (key judgements, review, where it was shared)", (s, id) => s.Get<AssessmentService>().Get(s.Principal, id)));
        command.Subcommands.Add(Update(globals));
        command.Subcommands.Add(Add(globals));
        command.Subcommands.Add(Review(globals));
        command.Subcommands.Add(Share(globals));
        HistoryCommands.AddTo(command, globals, "an assessment", AssessmentService.Type);
        return command;
    }

    private static Command CreateCmd(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var name = new Option<string>("--name") { Required = true };
        var objects = new Option<string[]>("--object") { Description = "Incident, actor or evidence id (repeatable)", Required = true };
        var confidence = new Option<int?>("--confidence") { Description = "0-100" };
        var tlp = new Option<string?>("--tlp");
        var judgement = new Option<string[]>("--judgement") { Description = "A key judgement as CONFIDENCE:TEXT, e.g. 70:The network is foreign-run (repeatable)" };
        var command = new Command("create", "Draft an assessment") { asUser, name, objects, confidence, tlp, judgement };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var judgements = parse.GetValue(judgement)!.Select(j =>
            {
                var colon = j.IndexOf(':', StringComparison.Ordinal);
                return colon > 0 && int.TryParse(j.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c)
                    ? new KeyJudgement(j[(colon + 1)..], c)
                    : throw new CliException($"--judgement '{j}': write CONFIDENCE:TEXT, e.g. 70:The network is foreign-run");
            }).ToList();
            var report = s.Get<AssessmentService>().Create(s.Principal, new AssessmentInput
            {
                Name = parse.GetValue(name), ObjectRefs = parse.GetValue(objects), Confidence = parse.GetValue(confidence), Tlp = parse.GetValue(tlp), KeyJudgements = judgements,
            });
            AnalystSession.PrintDone(globals, report, "drafted");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var search = new Option<string?>("--search") { Description = "Full-text search" };
        var command = new Command("list", "List assessments as a table") { asUser, search };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var reports = s.Get<AssessmentService>().List(s.Principal, parse.GetValue(search));
            var table = new Table().AddColumns("id", "name", "status", "confidence", "TLP", "version");
            foreach (var r in reports)
            {
                var level = TlpMarkings.MostRestrictive(r.ObjectMarkingRefs);
                table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Name ?? ""), AssessmentService.DetailsOf(r).Status,
                    r.Confidence is { } c ? Markup.Escape(EstimativeLanguage.Describe(c)) : "-", level is { } l ? TlpMarkings.Tlp2Value(l) : "-", r.Version?.Text ?? "");
            }
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{reports.Count} assessment(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Update(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var version = IncidentCommand.VersionOption();
        var name = new Option<string?>("--name");
        var description = new Option<string?>("--description");
        var confidence = new Option<int?>("--confidence") { Description = "0-100" };
        var tlp = new Option<string?>("--tlp");
        var command = new Command("update", "Edit a draft or reviewed assessment (a new version; it goes back to draft for review)") { asUser, id, version, name, description, confidence, tlp };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<AssessmentService>();
            var target = parse.GetValue(id)!;
            var report = service.Update(s.Principal, target, IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target)), new AssessmentInput
            {
                Name = parse.GetValue(name), Description = parse.GetValue(description), Confidence = parse.GetValue(confidence), Tlp = parse.GetValue(tlp),
            });
            AnalystSession.PrintDone(globals, report, "updated");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Add(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var objects = new Argument<string[]>("objects") { Arity = ArgumentArity.OneOrMore };
        var version = IncidentCommand.VersionOption();
        var command = new Command("add", "Add incidents, actors or evidence to an assessment") { asUser, id, objects, version };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<AssessmentService>();
            var target = parse.GetValue(id)!;
            var report = service.AddObjects(s.Principal, target, IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target)), parse.GetValue(objects)!);
            AnalystSession.PrintDone(globals, report, "added");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Review(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var reject = new Option<bool>("--reject") { Description = "Send it back to draft instead of approving" };
        var comment = new Option<string?>("--comment");
        var version = IncidentCommand.VersionOption();
        var command = new Command("review", "Approve an assessment (a second analyst: use --as)") { asUser, id, reject, comment, version };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<AssessmentService>();
            var target = parse.GetValue(id)!;
            var report = service.Review(s.Principal, target, IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target)), !parse.GetValue(reject), parse.GetValue(comment));
            AnalystSession.PrintDone(globals, report, parse.GetValue(reject) ? "sent back" : "approved");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Share(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var collection = new Argument<string>("collection") { Description = "The TAXII collection id" };
        var version = IncidentCommand.VersionOption();
        var command = new Command("share", "Share a reviewed assessment and what it references to a TAXII collection") { asUser, id, collection, version };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<AssessmentService>();
            var target = parse.GetValue(id)!;
            var result = service.Share(s.Principal, target, IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target)), parse.GetValue(collection)!);
            globals.Console.Out.MarkupLineInterpolated($"shared {result.Shared.Count} object(s) to {result.CollectionId}; held back {result.Skipped.Count}");
            foreach (var skipped in result.Skipped)
                globals.Console.Warn($"{skipped.Id}: {skipped.Reason}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
