using System.CommandLine;
using System.Globalization;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte incident …</c>: create, list, show, update, status, tag, untag, link-actor, unlink-actor, criteria, from-finding, history, diff.</summary>
public static class IncidentCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("incident", "FIMI incidents: the analyst's daily work (same services and access rules as the REST API)");
        foreach (var sub in new[]
        {
            CreateCmd(globals), List(globals), Show(globals), Update(globals), Status(globals), Tag(globals), IncidentUnlinkCommands.Untag(globals),
            LinkActor(globals), IncidentUnlinkCommands.UnlinkActor(globals), Criteria(globals), FromFinding(globals),
            HistoryCommands.History(globals, "an incident", IncidentService.Type), HistoryCommands.Diff(globals, "an incident", IncidentService.Type),
        })
            command.Subcommands.Add(sub);
        return command;
    }

    private static Command CreateCmd(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var name = new Option<string>("--name") { Description = "Incident name", Required = true };
        var category = new Option<string>("--category") { Description = "information-manipulation, election-interference or fundamental-freedoms", Required = true };
        var description = new Option<string?>("--description");
        var tlp = new Option<string?>("--tlp") { Description = "clear, green, amber (default), amber+strict, red" };
        var sub = new Option<string[]>("--subcategory") { Description = "e.g. transnational-repression (repeatable)" };
        var language = new Option<string[]>("--language") { Description = "RFC 5646 tag (repeatable)" };
        var platform = new Option<string[]>("--platform") { Description = "e.g. telegram (repeatable)" };
        var command = new Command("create", "Create an incident (status draft)") { asUser, name, category, description, tlp, sub, language, platform };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var created = s.Get<IncidentService>().Create(s.Principal, new IncidentInput
            {
                Name = parse.GetValue(name), Category = parse.GetValue(category), Description = parse.GetValue(description), Tlp = parse.GetValue(tlp),
                Subcategories = parse.GetValue(sub), Languages = parse.GetValue(language), Platforms = parse.GetValue(platform),
            });
            AnalystSession.PrintDone(globals, created, "created");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var status = new Option<string?>("--status");
        var category = new Option<string?>("--category");
        var technique = new Option<string?>("--technique") { Description = "DISARM id, e.g. T0049.003" };
        var search = new Option<string?>("--search") { Description = "Full-text search" };
        var command = new Command("list", "List incidents as a table") { asUser, status, category, technique, search };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var incidents = s.Get<IncidentService>().List(s.Principal, new IncidentFilter
            {
                Status = parse.GetValue(status), Category = parse.GetValue(category), Technique = parse.GetValue(technique), Text = parse.GetValue(search),
            });
            var table = new Table().AddColumns("id", "name", "status", "category", "TLP", "version", "edited by");
            foreach (var incident in incidents)
            {
                var v = IncidentView.Of(incident, [], []);
                table.AddRow(Markup.Escape(v.Id), Markup.Escape(v.Name), v.Status, v.Category, v.Tlp ?? "", v.Version, Markup.Escape(v.LastEdit.EditedBy));
            }
            globals.Console.Out.Write(table);
            globals.Console.Out.MarkupLineInterpolated($"{incidents.Count} incident(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var command = new Command("show", "Show an incident: judgement, techniques, actors, criteria, history") { asUser, id };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var incidents = s.Get<IncidentService>();
            var v = incidents.View(s.Principal, parse.GetValue(id)!);
            var o = globals.Console.Out;
            o.MarkupLineInterpolated($"[bold]{v.Name}[/] ({v.Id})");
            o.MarkupLineInterpolated($"status {v.Status}, category {v.Category} {string.Join(", ", v.Subcategories)}, TLP {v.Tlp ?? "-"}, version {v.Version}");
            foreach (var t in v.Techniques)
                o.MarkupLineInterpolated($"  uses {t.DisarmId} {t.Name} ({t.Evidence.Count} evidence)");
            foreach (var a in v.Actors)
                o.MarkupLineInterpolated($"  attributed to {a.Name} ({a.ActorId}): {a.Estimative}; basis: {a.Basis}");
            foreach (var (criterion, judgement) in v.Criteria)
                o.MarkupLineInterpolated($"  [[{(judgement.Met ? "x" : " ")}]] {criterion}: {judgement.Rationale}");
            foreach (var e in v.Evidence)
                o.MarkupLineInterpolated($"  evidence {e.Kind} {e.Ref} {e.Sha256}");
            var table = new Table().AddColumns("version", "edited by", "change", "changed");
            foreach (var h in incidents.History(s.Principal, v.Id))
                table.AddRow(h.Version, Markup.Escape(h.EditedBy), Markup.Escape(h.Change), Markup.Escape(string.Join(", ", h.Changed)));
            o.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Update(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var version = VersionOption();
        var name = new Option<string?>("--name");
        var description = new Option<string?>("--description");
        var impact = new Option<string?>("--impact");
        var tlp = new Option<string?>("--tlp");
        var command = new Command("update", "Edit an incident (a new version)") { asUser, id, version, name, description, impact, tlp };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var incidents = s.Get<IncidentService>();
            var target = parse.GetValue(id)!;
            var updated = incidents.Update(s.Principal, target, VersionOf(parse, version, () => incidents.Get(s.Principal, target)),
                new IncidentInput { Name = parse.GetValue(name), Description = parse.GetValue(description), Impact = parse.GetValue(impact), Tlp = parse.GetValue(tlp) });
            AnalystSession.PrintDone(globals, updated, "updated");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var status = new Argument<string>("status") { Description = "draft, under-assessment, confirmed, shared or closed" };
        var reason = new Option<string?>("--reason");
        var version = VersionOption();
        var command = new Command("status", "Move an incident along the workflow") { asUser, id, status, reason, version };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var incidents = s.Get<IncidentService>();
            var target = parse.GetValue(id)!;
            var moved = incidents.ChangeStatus(s.Principal, target, VersionOf(parse, version, () => incidents.Get(s.Principal, target)), parse.GetValue(status)!, parse.GetValue(reason));
            AnalystSession.PrintDone(globals, moved, "status " + parse.GetValue(status));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Tag(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var technique = new Argument<string>("technique") { Description = "DISARM technique id, e.g. T0049.003" };
        var description = new Option<string?>("--description");
        var evidence = new Option<string[]>("--evidence") { Description = "kind:ref[:sha256], e.g. post:telegram:123 (repeatable; the last ':'-part is the hash when it is 64 hex digits)" };
        var command = new Command("tag", "Tag a DISARM technique observed in the incident, with its evidence") { asUser, id, technique, description, evidence };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var rel = s.Get<IncidentService>().TagTechnique(s.Principal, parse.GetValue(id)!, parse.GetValue(technique)!, parse.GetValue(description),
                [.. parse.GetValue(evidence)!.Select(ParseEvidence)]);
            AnalystSession.PrintDone(globals, rel, "tagged " + parse.GetValue(technique));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command LinkActor(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var actor = new Argument<string>("actor") { Description = "threat-actor or intrusion-set id" };
        var confidence = new Option<int>("--confidence") { Description = "0-100 (STIX); shown in estimative language", Required = true };
        var basis = new Option<string>("--basis") { Description = "The basis of the attribution", Required = true };
        var command = new Command("link-actor", "Attribute the incident to an actor with a confidence and its basis") { asUser, id, actor, confidence, basis };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var rel = s.Get<IncidentService>().LinkActor(s.Principal, parse.GetValue(id)!, parse.GetValue(actor)!, parse.GetValue(confidence), parse.GetValue(basis)!);
            AnalystSession.PrintDone(globals, rel, "attributed (" + Riposte.Incidents.Model.EstimativeLanguage.Describe(parse.GetValue(confidence)) + ")");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Criteria(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var criterion = new Argument<string>("criterion") { Description = "manipulative, intentional, coordinated, foreign-state-linked, threatens-democracy" };
        var notMet = new Option<bool>("--not-met") { Description = "Record the criterion as not met (default: met)" };
        var rationale = new Option<string>("--rationale") { Required = true };
        var version = VersionOption();
        var command = new Command("criteria", "Tick (or untick) a FIMI criterion with its rationale") { asUser, id, criterion, notMet, rationale, version };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var incidents = s.Get<IncidentService>();
            var target = parse.GetValue(id)!;
            var updated = incidents.SetCriterion(s.Principal, target, VersionOf(parse, version, () => incidents.Get(s.Principal, target)),
                parse.GetValue(criterion)!, !parse.GetValue(notMet), parse.GetValue(rationale)!);
            AnalystSession.PrintDone(globals, updated, "criterion recorded");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command FromFinding(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var grouping = new Argument<string>("grouping") { Description = "The grouping id of a detection finding (label candidate-finding)" };
        var category = new Option<string?>("--category");
        var tlp = new Option<string?>("--tlp");
        var command = new Command("from-finding", "Create an incident from a detection cluster in one step") { asUser, grouping, category, tlp };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var view = s.Get<FindingService>().CreateIncident(s.Principal, parse.GetValue(grouping)!, null, parse.GetValue(category), parse.GetValue(tlp));
            globals.Console.Out.MarkupLineInterpolated($"created [green]{view.Id}[/] with {view.AccountRefs.Count} account(s), {view.Evidence.Count} evidence item(s), {view.Techniques.Count} technique(s)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static Option<string?> VersionOption() => new("--version-of", "--expect-version")
    {
        Description = "The version you edited (its modified timestamp, as 'show' prints it); refused if someone saved a newer one since. Default: the latest",
    };

    internal static string? VersionOf(ParseResult parse, Option<string?> option, Func<Riposte.Stix.StixObject> latest) =>
        parse.GetValue(option) ?? latest().Version?.Text;

    internal static EvidenceInput ParseEvidence(string text)
    {
        var kind = text.Split(':', 2)[0];
        var rest = text.Length > kind.Length ? text[(kind.Length + 1)..] : "";
        var last = rest.LastIndexOf(':');
        if (last > 0 && rest.Length - last - 1 == 64 && rest[(last + 1)..].All(char.IsAsciiHexDigit))
            return new EvidenceInput(kind, rest[..last], rest[(last + 1)..].ToLower(CultureInfo.InvariantCulture));
        return new EvidenceInput(kind, rest);
    }
}
