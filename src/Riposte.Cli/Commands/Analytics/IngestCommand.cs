using System.CommandLine;
using System.Globalization;
using Riposte.Analytics.Ingest;
using Riposte.Analytics.Storage;

namespace Riposte.Cli.Commands.Analytics;

/// <summary><c>riposte ingest FILE…</c>: platform exports into posts, with the raw evidence kept.</summary>
public static class IngestCommand
{
    public static Command Create(CliGlobals globals)
    {
        var paths = new Argument<string[]>("path") { Description = "Export files or folders, or '-' for standard input", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = $"The export format, or auto to recognise it: {PostFormats.Auto}, {PostFormats.NameList}", DefaultValueFactory = _ => PostFormats.Auto };
        var noLanguage = new Option<bool>("--no-language-detection") { Description = "Do not guess languages that the format does not carry" };
        var postsFile = PostsFile.Option();
        var command = new Command("ingest", "Ingest social-media and web exports (X/twarc, Telegram, CrowdTangle, Meta, 4CAT, YouTube, Bluesky, Mastodon, TikTok, RSS/Atom, generator NDJSON)") { paths, format, noLanguage, postsFile };
        command.SetAction((parse, cancellationToken) =>
        {
            var console = globals.Console;
            var formatName = parse.GetValue(format)!;
            if (!string.Equals(formatName, PostFormats.Auto, StringComparison.OrdinalIgnoreCase)
                && !PostFormats.All.Any(f => string.Equals(f.Name, formatName, StringComparison.OrdinalIgnoreCase)))
                throw new CliException($"unknown format '{formatName}'; the formats are: {PostFormats.Auto}, {PostFormats.NameList}");
            var inputs = Inputs(parse.GetValue(paths)!, console);
            var db = globals.DbPath(parse);
            var postsPath = PostsFile.Resolve(parse, postsFile, db);
            StoreSession.Open(db).Dispose(); // creates the folder and the STIX store beside the posts
            var store = new SqlitePostStore(postsPath);
            var options = parse.GetValue(noLanguage) ? new IngestOptions { LanguageGuesser = null } : new IngestOptions();
            var ingestor = new PostIngestor(store, options);

            IngestSummary summary;
            if (console.Interactive)
            {
                summary = null!;
                console.Out.Status().Start("ingesting…", context =>
                {
                    var progress = new Progress<IngestProgress>(p => context.Status(
                        $"{Markup.Escape(Path.GetFileName(p.File))}: {p.RecordsRead.ToString("N0", CultureInfo.InvariantCulture)} records, {p.PostsWritten.ToString("N0", CultureInfo.InvariantCulture)} posts, {p.Rejected.ToString("N0", CultureInfo.InvariantCulture)} rejected"));
                    summary = ingestor.Ingest(inputs, formatName, progress, cancellationToken);
                });
            }
            else
            {
                summary = ingestor.Ingest(inputs, formatName, null, cancellationToken);
            }
            Print(console, summary);
            return Task.FromResult(summary.Rejected > 0 || summary.FailedFiles > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok);
        });
        return command;
    }

    private static List<IngestInput> Inputs(string[] paths, CliConsole console) =>
        [.. InputFiles.Expand(paths, console, "*", include: f => !IsDocumentation(f)).Select(f => new IngestInput(f.Name, f.Open))];

    // Export folders often carry a README or notes beside the data; a named file is always read.
    private static bool IsDocumentation(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md" or ".txt" or ".pdf";

    private static void Print(CliConsole console, IngestSummary summary)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        foreach (var rejection in summary.Rejections)
            console.Error.MarkupLineInterpolated($"[red]rejected[/] {rejection.ToString()}");
        if (summary.RejectionsNotListed > 0)
            console.Error.MarkupLineInterpolated($"… and {N(summary.RejectionsNotListed)} more rejected records");
        var table = new Table().AddColumns("file", "format", "records", "added", "updated", "unchanged", "skipped", "rejected");
        foreach (var file in summary.Files)
        {
            table.AddRow(
                Markup.Escape(file.File),
                Markup.Escape(file.Format ?? "?"),
                N(file.RecordsRead), N(file.Added), N(file.Updated), N(file.Unchanged), N(file.Skipped),
                file.Error is null ? N(file.Rejected) : $"[red]{Markup.Escape(file.Error)}[/]");
        }
        console.Out.Write(table);
        console.Out.MarkupLineInterpolated($"{N(summary.Added)} posts added, {N(summary.Unchanged)} unchanged, {N(summary.Rejected)} records rejected in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }
}
