using System.CommandLine;
using System.Globalization;
using Riposte.Storage;
using Riposte.Storage.Import;
using Spectre.Console;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte import PATH…</c>: STIX bundles or single objects into the store, with a summary.</summary>
public static class ImportCommand
{
    public static Command Create(CliGlobals globals)
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders of STIX JSON (bundles, single objects or arrays), or '-' for standard input", Arity = ArgumentArity.OneOrMore };
        var collection = new Option<string?>("--collection") { Description = "Also add every stored object to this collection" };
        var command = new Command("import", "Import STIX 2.1 bundles or objects; invalid objects are reported and skipped, valid ones kept") { paths, collection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = globals.Console;
            var inputs = InputFiles.Expand(parse.GetValue(paths)!, console);
            using var store = StoreSession.Open(globals, parse);
            var importer = new StixImporter(store, new ImportOptions { CollectionId = parse.GetValue(collection) });
            var summaries = new List<ImportSummary>();
            foreach (var input in inputs)
                summaries.Add(await ImportOneAsync(importer, input, console, cancellationToken));

            var rejected = Print(console, summaries);
            return rejected ? ExitCodes.SomeRejected : ExitCodes.Ok;
        });
        return command;
    }

    internal static async Task<ImportSummary> ImportOneAsync(StixImporter importer, InputFile input, CliConsole console, CancellationToken cancellationToken)
    {
        await using var stream = input.Open();
        if (!console.Interactive)
            return await importer.ImportAsync(stream, input.Name, null, cancellationToken);

        ImportSummary? summary = null;
        await console.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Path.GetFileName(input.Name)), maxValue: input.Length ?? 1);
                var progress = new Progress<ImportProgress>(p =>
                {
                    if (input.Length is null)
                        task.IsIndeterminate = true;
                    else
                        task.Value = p.BytesRead;
                });
                summary = await importer.ImportAsync(stream, input.Name, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    /// <summary>Prints the totals and each rejection; true when anything was rejected.</summary>
    internal static bool Print(CliConsole console, IReadOnlyList<ImportSummary> summaries)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        long added = summaries.Sum(s => s.Added), unchanged = summaries.Sum(s => s.Unchanged);
        long conflicts = summaries.Sum(s => s.Conflicts), rejected = summaries.Sum(s => s.Rejected), warnings = summaries.Sum(s => s.Warnings);
        var seconds = summaries.Sum(s => s.Elapsed.TotalSeconds);

        foreach (var rejection in summaries.SelectMany(s => s.Rejections))
            console.Error.MarkupLineInterpolated($"[red]rejected[/] {rejection.File}:{rejection.Line} object {rejection.Index}{(rejection.Id is null ? "" : " " + rejection.Id)} at {rejection.Path}: {rejection.Reason}");
        foreach (var conflict in summaries.SelectMany(s => s.ConflictDetails))
            console.Error.MarkupLineInterpolated($"[yellow]conflict[/] {conflict.File}:{conflict.Line} {conflict.Id} version {conflict.Version} is already stored with different content; the stored one stands");
        var listed = summaries.Sum(s => s.Rejections.Count);
        if (listed < rejected)
            console.Error.MarkupLineInterpolated($"… and {N(rejected - listed)} more rejections");

        var table = new Table().AddColumns("imported", "unchanged", "conflicts", "rejected", "warnings", "seconds");
        table.AddRow(N(added), N(unchanged), N(conflicts), rejected > 0 ? $"[red]{N(rejected)}[/]" : "0", N(warnings), seconds.ToString("0.00", CultureInfo.InvariantCulture));
        console.Out.Write(table);
        foreach (var incomplete in summaries.Where(s => !s.Completed))
            console.Warn("an input ended early (see the rejection above); everything before that point was kept");
        return rejected > 0 || summaries.Any(s => !s.Completed);
    }
}
