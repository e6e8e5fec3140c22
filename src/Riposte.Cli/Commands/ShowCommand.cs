using System.CommandLine;
using System.Text.Json;
using Riposte.Storage;
using Spectre.Console;
using Spectre.Console.Json;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte show ID</c>: the latest version of an object, its versions and its relationships.</summary>
public static class ShowCommand
{
    public static Command Create(CliGlobals globals)
    {
        var id = new Argument<string>("id") { Description = "A STIX id, e.g. attack-pattern--… or an external id such as T0049.003" };
        var command = new Command("show", "Show an object (latest version), its versions and its relationships") { id };
        command.SetAction(parse =>
        {
            using var store = StoreSession.Open(globals, parse);
            var wanted = parse.GetValue(id)!;
            var found = store.GetLatest(wanted)
                ?? store.Query(new StixQuery { ExternalId = wanted, Limit = 1 }).FirstOrDefault()
                ?? throw new CliException($"no object '{wanted}' in the store {globals.DbForDisplay(parse)}; try 'riposte search {wanted}'");
            var obj = found.Object;
            var console = globals.Console.Out;
            console.Write(new JsonText(obj.Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
            console.WriteLine();
            var versions = store.GetVersions(obj.Id);
            console.MarkupLineInterpolated($"[bold]{versions.Count}[/] version(s): {string.Join(", ", versions.Select(v => v.Object.Version?.Text ?? "unversioned"))}");
            var relationships = store.GetRelationships(obj.Id);
            if (relationships.Count == 0)
                return ExitCodes.Ok;
            var table = new Table().AddColumns("relationship", "direction", "other object", "name");
            foreach (var rel in relationships)
            {
                var source = rel.Object.GetString("source_ref") ?? rel.Object.GetString("sighting_of_ref") ?? "";
                var target = rel.Object.GetString("target_ref") ?? "";
                var outgoing = source == obj.Id;
                var other = outgoing ? target : source;
                var otherName = store.GetLatest(other)?.Object.Name ?? "";
                table.AddRow(
                    Markup.Escape(rel.Object.GetString("relationship_type") ?? rel.Object.Type),
                    outgoing ? "→" : "←",
                    Markup.Escape(other),
                    Markup.Escape(otherName));
            }
            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
