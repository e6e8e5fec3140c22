using System.CommandLine;
using System.Globalization;
using Riposte.Stix.Json;
using Riposte.Stix.Validation;
using Spectre.Console;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte validate FILE</c>: check STIX 2.1 files without a store.</summary>
public static class ValidateCommand
{
    public static Command Create(CliGlobals globals)
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders of STIX JSON (bundles, single objects or arrays), or '-' for standard input", Arity = ArgumentArity.OneOrMore };
        var warnings = new Option<bool>("--warnings") { Description = "Also list warnings (open-vocabulary values, SHOULD rules)" };
        var command = new Command("validate", "Validate STIX 2.1 files against the specification (no store needed)") { paths, warnings };
        command.SetAction(parse =>
        {
            var console = globals.Console;
            var showWarnings = parse.GetValue(warnings);
            int valid = 0, invalid = 0, warned = 0;
            foreach (var source in InputFiles.Expand(parse.GetValue(paths)!, console))
            {
                using var stream = source.Open();
                foreach (var item in StixBundleReader.Read(stream))
                {
                    if (item.Problem is not null)
                    {
                        invalid++;
                        Report(console.Out, source.Name, item.Line, item.Index, item.Id, item.Problem);
                        continue;
                    }
                    var result = StixValidator.Validate(item.Object!);
                    if (result.IsValid)
                        valid++;
                    else
                        invalid++;
                    foreach (var issue in result.Issues)
                    {
                        if (issue.Severity == IssueSeverity.Warning)
                        {
                            warned++;
                            if (!showWarnings)
                                continue;
                        }
                        Report(console.Out, source.Name, item.Line, item.Index, item.Id, issue);
                    }
                }
            }
            console.Out.MarkupLineInterpolated(
                $"[bold]{valid.ToString(CultureInfo.InvariantCulture)}[/] valid, [bold]{invalid.ToString(CultureInfo.InvariantCulture)}[/] invalid, {warned.ToString(CultureInfo.InvariantCulture)} warning(s){(warned > 0 && !showWarnings ? " (--warnings lists them)" : "")}");
            return invalid == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return command;
    }

    private static void Report(IAnsiConsole console, string file, long line, int index, string? id, StixIssue issue)
    {
        var colour = issue.Severity == IssueSeverity.Error ? "red" : "yellow";
        var where = index >= 0 ? $"{file}:{line} object {index}{(id is null ? "" : " " + id)}" : $"{file}:{line}";
        console.MarkupLineInterpolated($"[{colour}]{issue.Severity.ToString().ToLowerInvariant()}[/] {where} at {issue.Path}: {issue.Message}");
    }
}
