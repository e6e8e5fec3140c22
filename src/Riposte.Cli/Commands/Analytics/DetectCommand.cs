using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Riposte.Analytics.Posts;
using Riposte.Analytics.Storage;
using Riposte.Detection;
using Riposte.Detection.Output;
using Riposte.Storage.Import;

namespace Riposte.Cli.Commands.Analytics;

/// <summary><c>riposte detect</c>: coordinated inauthentic behaviour over the stored posts, written as CSV, JSON, GEXF and STIX.</summary>
public static class DetectCommand
{
    public static Command Create(CliGlobals globals)
    {
        var output = new Option<string>("--out") { Description = "The folder that receives clusters.csv, clusters.json, clusters.gexf and clusters.stix.json", Required = true };
        var from = new Option<string?>("--from") { Description = "Only posts at or after this UTC time (e.g. 2025-03-01)" };
        var until = new Option<string?>("--until") { Description = "Only posts before this UTC time" };
        var platform = new Option<string?>("--platform") { Description = "Only posts of this platform (e.g. x, telegram, microblog)" };
        var language = new Option<string?>("--language") { Description = "Only posts in this language (ISO 639-1, e.g. ru)" };
        var import = new Option<bool>("--import") { Description = "Also import the findings (STIX) into the store, ready to attach to an incident" };
        var top = new Option<int>("--top") { Description = "How many clusters to list on screen", DefaultValueFactory = _ => 15 };
        var postsFile = PostsFile.Option();
        var command = new Command("detect", "Find accounts that act in concert (co-repost, co-link, co-reply, copy-paste, hashtag floods, synchrony, creation cohorts)")
        {
            output, from, until, platform, language, import, top, postsFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = globals.Console;
            var filter = new PostFilter
            {
                From = Times.Parse(parse.GetValue(from), "--from"),
                Until = Times.Parse(parse.GetValue(until), "--until"),
                Platform = parse.GetValue(platform),
                Language = parse.GetValue(language),
            };
            var db = globals.DbPath(parse);
            var postsPath = PostsFile.Resolve(parse, postsFile, db);
            using var store = StoreSession.Open(db);
            var posts = new SqlitePostStore(postsPath);
            var clock = Stopwatch.StartNew();
            var result = new CoordinationDetector().Detect(posts.Read(filter));
            var detected = clock.Elapsed;
            if (result.Statistics.Posts == 0)
                console.Warn("no posts match; ingest an export first ('riposte ingest FILE') or widen the filters");

            var folder = parse.GetValue(output)!;
            var files = DetectionOutputWriter.WriteAll(folder, result, DateTimeOffset.UtcNow);
            Print(console, result, detected, parse.GetValue(top));
            foreach (var file in files)
                console.Out.MarkupLineInterpolated($"wrote {file}");

            if (parse.GetValue(import))
            {
                var stix = files.Single(f => f.EndsWith(DetectionOutputWriter.StixFile, StringComparison.Ordinal));
                var summary = await new StixImporter(store).ImportFileAsync(stix, cancellationToken: cancellationToken);
                if (ImportCommand.Print(console, [summary]))
                    return ExitCodes.SomeRejected;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliConsole console, CoordinationResult result, TimeSpan elapsed, int top)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var stats = result.Statistics;
        console.Out.MarkupLineInterpolated(
            $"{N(stats.Posts)} posts by {N(stats.Accounts)} accounts; {N(result.Clusters.Count)} coordinated clusters with {N(result.Clusters.Sum(c => c.Members.Count))} accounts in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        if (result.Clusters.Count == 0)
            return;
        var table = new Table().AddColumns("cluster", "score", "accounts", "main signal", "shared items", "first seen", "last seen");
        foreach (var cluster in result.Clusters.Take(Math.Max(0, top)))
        {
            table.AddRow(
                cluster.Id,
                cluster.Score.ToString("0.00", CultureInfo.InvariantCulture),
                N(cluster.Members.Count),
                cluster.DominantSignal.ToString(),
                N(cluster.SharedItems.Count),
                cluster.FirstObserved.ToString("u", CultureInfo.InvariantCulture),
                cluster.LastObserved.ToString("u", CultureInfo.InvariantCulture));
        }
        console.Out.Write(table);
    }
}
