using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Riposte.Access;
using Riposte.Cli.Seeding;

namespace Riposte.Cli.Commands;

/// <summary><c>riposte demo seed</c>: a realistic, deterministic FIMI data set to try the report and the UI on a fresh install.</summary>
public static class DemoCommand
{
    public static Command Create(CliGlobals globals)
    {
        var incidents = new Option<int>("--incidents") { Description = "Incidents in the year (the year before gets 80% of that number)", DefaultValueFactory = _ => 500 };
        var year = new Option<int>("--year") { Description = "The year to seed", DefaultValueFactory = _ => DateTime.UtcNow.Year };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed gives the same data", DefaultValueFactory = _ => 1 };
        var seedCommand = new Command("seed", "Generate incidents, actors, narratives, channels, techniques, responses, lessons and assessments over every TLP level, and import them") { incidents, year, seed };
        seedCommand.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DemoSeedOptions(parse.GetValue(incidents), parse.GetValue(year), parse.GetValue(seed));
            var clock = Stopwatch.StartNew();
            using var node = NodeSession.Open(globals, parse);
            BuiltIns.Load(node.Store);
            var data = DemoSeedGenerator.Generate(options);
            var generated = clock.Elapsed;
            var summary = await DemoSeeder.SeedAsync(node.Store, node.Get<OrganizationService>(), data, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            globals.Console.Out.MarkupLineInterpolated(
                $"seeded {options.Incidents.ToString("N0", c)} incidents in {options.Year.ToString(c)} (seed {options.Seed.ToString(c)}): {summary.Added.ToString("N0", c)} objects added, {summary.Unchanged.ToString("N0", c)} unchanged, {summary.Rejected.ToString("N0", c)} rejected, {data.Organisations.Count.ToString(c)} organisations, in {clock.Elapsed.TotalSeconds.ToString("0.0", c)} s (generated in {generated.TotalSeconds.ToString("0.0", c)} s)");
            foreach (var rejection in summary.Rejections)
                globals.Console.Fail(rejection.ToString());
            return summary.Rejected == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return new Command("demo", "Demo data") { seedCommand };
    }
}
