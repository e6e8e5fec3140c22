using System.CommandLine;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte response …</c>: record responses, let members join them, list, show and update them.</summary>
public static class ResponseCommand
{
    public static Command Create(CliGlobals globals)
    {
        var command = new Command("response", "Responses: DISARM counters and the mechanism's own actions");
        var asUser = AnalystSession.AsOption();
        var name = new Option<string>("--name") { Required = true };
        var kind = new Option<string>("--kind") { Description = string.Join(", ", Riposte.Incidents.Model.ResponseKinds.All), Required = true };
        var owner = new Option<string>("--owner") { Description = "Owner organisation (identity id)", Required = true };
        var participants = new Option<string[]>("--participant") { Description = "Member identity id (repeatable)" };
        var incidents = new Option<string[]>("--incident") { Description = "Incident id (repeatable)" };
        var counters = new Option<string[]>("--counter") { Description = "DISARM counter id, e.g. C00012 (repeatable)" };
        var status = new Option<string?>("--status") { Description = "planned (default), in-progress, completed, cancelled" };
        var create = new Command("create", "Record a response") { asUser, name, kind, owner, participants, incidents, counters, status };
        create.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var response = s.Get<ResponseService>().Create(s.Principal, new ResponseInput
            {
                Name = parse.GetValue(name), Kind = parse.GetValue(kind), OwnerRef = parse.GetValue(owner), ParticipantRefs = parse.GetValue(participants),
                IncidentRefs = parse.GetValue(incidents), Counters = parse.GetValue(counters), Status = parse.GetValue(status),
            });
            AnalystSession.PrintDone(globals, response, "recorded");
            return ExitCodes.Ok;
        }));

        var joinAs = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var participant = new Argument<string>("participant") { Description = "Member identity id" };
        var joinVersion = IncidentCommand.VersionOption();
        var join = new Command("join", "A member joins a coordinated response") { joinAs, id, participant, joinVersion };
        join.SetAction(parse => AnalystSession.Run(globals, parse, joinAs, s =>
        {
            var service = s.Get<ResponseService>();
            var target = parse.GetValue(id)!;
            var response = service.AddParticipant(s.Principal, target, IncidentCommand.VersionOf(parse, joinVersion, () => service.Get(s.Principal, target)), parse.GetValue(participant)!);
            AnalystSession.PrintDone(globals, response, "joined");
            return ExitCodes.Ok;
        }));

        var listAs = AnalystSession.AsOption();
        var incident = new Option<string?>("--incident");
        var list = new Command("list", "List responses") { listAs, incident };
        list.SetAction(parse => AnalystSession.Run(globals, parse, listAs, s =>
        {
            var table = new Table().AddColumns("id", "name", "kind", "status", "participants");
            foreach (var r in s.Get<ResponseService>().List(s.Principal, parse.GetValue(incident), null))
                table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Name ?? ""), r.GetString("response_kind") ?? "", r.GetString("status") ?? "", r.GetStrings("participant_refs").Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        }));

        command.Subcommands.Add(create);
        command.Subcommands.Add(join);
        command.Subcommands.Add(list);
        command.Subcommands.Add(AnalystSession.ShowCommand(globals, "Show a response as STIX", (s, id) => s.Get<ResponseService>().Get(s.Principal, id)));
        command.Subcommands.Add(Update(globals));
        HistoryCommands.AddTo(command, globals, "a response", ResponseService.Type);
        return command;
    }

    private static Command Update(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var version = IncidentCommand.VersionOption();
        var status = new Option<string?>("--status") { Description = "planned, in-progress, completed, cancelled" };
        var outcome = new Option<string?>("--outcome") { Description = "What the response achieved" };
        var start = new Option<string?>("--start") { Description = "RFC 3339 UTC time it started" };
        var stop = new Option<string?>("--stop") { Description = "RFC 3339 UTC time it ended" };
        var command = new Command("update", "Record progress on a response: status, dates, outcome (a new version)") { asUser, id, version, status, outcome, start, stop };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var service = s.Get<ResponseService>();
            var target = parse.GetValue(id)!;
            var response = service.Update(s.Principal, target, IncidentCommand.VersionOf(parse, version, () => service.Get(s.Principal, target)), new ResponseInput
            {
                Status = parse.GetValue(status), Outcome = parse.GetValue(outcome), StartTime = parse.GetValue(start), StopTime = parse.GetValue(stop),
            });
            AnalystSession.PrintDone(globals, response, "updated");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
