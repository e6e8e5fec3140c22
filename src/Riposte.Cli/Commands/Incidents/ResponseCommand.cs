using System.CommandLine;
using Riposte.Incidents.Services;
using Spectre.Console;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte response …</c>: record responses, let members join them, list them.</summary>
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
        var join = new Command("join", "A member joins a coordinated response") { joinAs, id, participant };
        join.SetAction(parse => AnalystSession.Run(globals, parse, joinAs, s =>
        {
            var service = s.Get<ResponseService>();
            var target = parse.GetValue(id)!;
            var response = service.AddParticipant(s.Principal, target, service.Get(s.Principal, target).Version?.Text, parse.GetValue(participant)!);
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
        return command;
    }
}
