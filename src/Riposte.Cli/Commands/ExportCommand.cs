using System.CommandLine;
using System.Globalization;
using Riposte.Access;
using Riposte.Access.Audit;
using Riposte.Storage;
using Riposte.Storage.Export;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte export</c>: a valid STIX bundle of what a query selects, streamed to a file or standard output.</summary>
public static class ExportCommand
{
    public static Command Create(CliGlobals globals)
    {
        var types = new Option<string[]>("--type") { Description = "Only these STIX types (repeat the option)", AllowMultipleArgumentsPerToken = true };
        var ids = new Option<string[]>("--id") { Description = "Only these ids (repeat the option)", AllowMultipleArgumentsPerToken = true };
        var since = new Option<string?>("--since") { Description = "Only versions modified at or after this UTC time (e.g. 2025-01-01 or 2025-01-01T12:00:00Z)" };
        var until = new Option<string?>("--until") { Description = "Only versions modified before this UTC time" };
        var marking = new Option<string[]>("--marking") { Description = "Only objects with this marking-definition id (repeat the option)", AllowMultipleArgumentsPerToken = true };
        var relatedTo = new Option<string?>("--related-to") { Description = "Only objects related (either way) to this id, with the relationships" };
        var allVersions = new Option<bool>("--all-versions") { Description = "Every stored version, not just the latest" };
        var forOrganization = new Option<string?>("--for") { Description = "Export only what this organisation (its STIX identity id) may receive under the marking rules" };
        var output = new Option<string>("--out", "-o") { Description = "The bundle file to write, or '-' for standard output", DefaultValueFactory = _ => "-" };
        var command = new Command("export", "Export a STIX 2.1 bundle (always valid; streamed)") { types, ids, since, until, marking, relatedTo, allVersions, forOrganization, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new StixQuery
            {
                Types = parse.GetValue(types) ?? [],
                Ids = parse.GetValue(ids) ?? [],
                MarkingRefs = parse.GetValue(marking) ?? [],
                RelatedTo = parse.GetValue(relatedTo),
                ModifiedFrom = Times.Parse(parse.GetValue(since), "--since"),
                ModifiedTo = Times.Parse(parse.GetValue(until), "--until"),
                Versions = parse.GetValue(allVersions) ? VersionFilter.All : VersionFilter.Latest,
            };
            using var node = NodeSession.Open(globals, parse);
            var exporter = new StixExporter(node.Store);
            var target = parse.GetValue(output)!;
            // The same gate as every other path decides what leaves: the node itself, or what one organisation may receive.
            var gate = node.Get<IAccessGate>();
            var principal = parse.GetValue(forOrganization) is { } organization ? new Principal("cli-export", organization, Role.Reader) : Principal.System;
            Func<Riposte.Stix.StixObject, Riposte.Stix.StixObject?> filter = obj => gate.ForReader(principal, obj);
            long count;
            if (target == "-")
            {
                await using var stdout = globals.Console.OpenStandardOutput();
                count = await exporter.ExportAsync(query, stdout, filter, cancellationToken);
            }
            else
            {
                count = await exporter.ExportFileAsync(query, target, filter, cancellationToken);
                globals.Console.Out.MarkupLineInterpolated($"exported [bold]{count.ToString("N0", CultureInfo.InvariantCulture)}[/] objects to {target}");
            }
            node.Get<IAuditLog>().Append(new AuditEvent(principal, AuditActions.Export, Allowed: true,
                Reason: $"{count} objects to {target}", RemoteAddress: "cli"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
