using System.CommandLine;
using Spectre.Console;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte search TEXT</c>: full-text search over names, descriptions and other text.</summary>
public static class SearchCommand
{
    public static Command Create(CliGlobals globals)
    {
        var text = new Argument<string>("text") { Description = "Words to find (diacritics and case do not matter)" };
        var limit = new Option<int>("--limit") { Description = "At most this many results", DefaultValueFactory = _ => 25 };
        var command = new Command("search", "Search names, descriptions and other text of the latest versions") { text, limit };
        command.SetAction(parse =>
        {
            using var store = StoreSession.Open(globals, parse);
            var hits = store.Search(parse.GetValue(text)!, Math.Clamp(parse.GetValue(limit), 1, 1000));
            if (hits.Count == 0)
            {
                globals.Console.Out.MarkupLine("[grey]no match[/]");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("id", "type", "name", "external id");
            foreach (var hit in hits)
            {
                table.AddRow(
                    Markup.Escape(hit.Object.Id),
                    Markup.Escape(hit.Object.Type),
                    Markup.Escape(hit.Object.Name ?? ""),
                    Markup.Escape(string.Join(" ", hit.Object.ExternalIds)));
            }
            globals.Console.Out.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
