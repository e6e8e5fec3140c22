using System.CommandLine;
using System.Globalization;
using Riposte.Access.Audit;
using Riposte.Storage.Access;

namespace Riposte.Cli.Commands.Access;

/// <summary><c>riposte audit</c>: who read or wrote what, when, from where, allowed or refused; and a tamper check.</summary>
public static class AuditCommand
{
    public static Command Create(CliGlobals globals)
    {
        var user = new Option<string?>("--user") { Description = "Only this user id" };
        var org = new Option<string?>("--org") { Description = "Only this organisation id" };
        var action = new Option<string?>("--action") { Description = "Only this action (e.g. taxii.objects.read)" };
        var obj = new Option<string?>("--object") { Description = "Only entries about this object id" };
        var refused = new Option<bool>("--refused") { Description = "Only refused requests" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first", DefaultValueFactory = _ => 50 };
        var verify = new Option<bool>("--verify") { Description = "Walk the hash chain and report the first edited, deleted or reordered entry" };
        var command = new Command("audit", "Query the append-only audit log, or verify that nobody tampered with it") { user, org, action, obj, refused, limit, verify };
        command.SetAction(parse =>
        {
            using var node = NodeSession.Open(globals, parse);
            var log = node.Get<IAuditLog>();
            if (parse.GetValue(verify))
            {
                var check = log.Verify();
                if (check.IsIntact)
                {
                    globals.Console.Out.MarkupLineInterpolated($"[green]intact[/]: {check.Entries.ToString(CultureInfo.InvariantCulture)} entries, head {check.HeadSequence.ToString(CultureInfo.InvariantCulture)} {check.HeadHash}");
                    return ExitCodes.Ok;
                }
                globals.Console.Fail($"the audit log was tampered with at entry {check.BrokenAt}: {check.Problem}");
                return ExitCodes.SomeRejected;
            }
            var entries = log.Query(new AuditFilter
            {
                UserId = parse.GetValue(user),
                OrganizationId = parse.GetValue(org),
                Action = parse.GetValue(action),
                ObjectId = parse.GetValue(obj),
                Allowed = parse.GetValue(refused) ? false : null,
                Limit = Math.Clamp(parse.GetValue(limit), 1, 100_000),
            });
            var table = new Table().AddColumns("#", "at", "user", "organisation", "action", "object / collection", "from", "outcome");
            foreach (var e in entries)
            {
                table.AddRow(
                    e.Sequence.ToString(CultureInfo.InvariantCulture),
                    e.At.ToString("u", CultureInfo.InvariantCulture),
                    Markup.Escape(e.UserId),
                    Markup.Escape(e.OrganizationId),
                    Markup.Escape(e.Action),
                    Markup.Escape(e.ObjectId ?? e.CollectionId ?? ""),
                    Markup.Escape(e.RemoteAddress ?? ""),
                    (e.Allowed ? "[green]allowed[/] " : "[red]refused[/] ") + Markup.Escape(e.Reason ?? ""));
            }
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
