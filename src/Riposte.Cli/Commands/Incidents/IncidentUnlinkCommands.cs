using System.CommandLine;
using Riposte.Incidents.Services;

namespace Riposte.Cli.Commands.Incidents;

/// <summary><c>riposte incident untag</c> and <c>unlink-actor</c>: take back a technique tag or an attribution (revoked, kept in history).</summary>
internal static class IncidentUnlinkCommands
{
    public static Command Untag(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var technique = new Argument<string>("technique") { Description = "The DISARM technique id tagged, e.g. T0049.003" };
        var command = new Command("untag", "Remove a DISARM technique tag from an incident") { asUser, id, technique };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var revoked = s.Get<IncidentService>().UntagTechnique(s.Principal, parse.GetValue(id)!, parse.GetValue(technique)!);
            AnalystSession.PrintDone(globals, revoked, "untagged " + parse.GetValue(technique));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command UnlinkActor(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var id = new Argument<string>("id");
        var actor = new Argument<string>("actor") { Description = "The threat-actor or intrusion-set id" };
        var command = new Command("unlink-actor", "Withdraw an attribution of an incident to an actor") { asUser, id, actor };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var revoked = s.Get<IncidentService>().UnlinkActor(s.Principal, parse.GetValue(id)!, parse.GetValue(actor)!);
            AnalystSession.PrintDone(globals, revoked, "attribution withdrawn");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>riposte narrative unlink RELATIONSHIP</c>: revokes any link made with <c>narrative link</c> (or the API).</summary>
    public static Command Unlink(CliGlobals globals)
    {
        var asUser = AnalystSession.AsOption();
        var relationship = new Argument<string>("relationship") { Description = "The relationship id that 'link' printed" };
        var command = new Command("unlink", "Remove a link (the relationship is revoked and kept in history)") { asUser, relationship };
        command.SetAction(parse => AnalystSession.Run(globals, parse, asUser, s =>
        {
            var revoked = s.Get<ObjectWorkspace>().Unlink(s.Principal, parse.GetValue(relationship)!, null);
            AnalystSession.PrintDone(globals, revoked, "unlinked");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
