using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Storage.Access;
using Riposte.Stix;
using Riposte.Taxonomy;

namespace Riposte.Cli.Seeding;

/// <summary>What to seed: incidents in <see cref="Year"/> (and a share of that number in the year before, for the year-on-year change).</summary>
public sealed record DemoSeedOptions(int Incidents, int Year, int Seed, double PreviousYearShare = 0.8);

/// <summary>The seeded objects and the organisations to register for them.</summary>
public sealed record DemoSeedData(IReadOnlyList<StixObject> Objects, IReadOnlyList<(string Id, string Name, TrustTier Tier)> Organisations);

/// <summary>
/// Generates a realistic, internally consistent FIMI data set for the annual report and the UI:
/// the same options always give the same objects, byte for byte.
/// </summary>
public static class DemoSeedGenerator
{
    private const int TechniquesInUse = 60;

    public static DemoSeedData Generate(DemoSeedOptions options)
    {
        if (options.Incidents < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Incidents, "--incidents must be zero or more");
        if (options.Year is < 1990 or > 9998)
            throw new ArgumentOutOfRangeException(nameof(options), options.Year, "--year must be between 1990 and 9998");
        var random = new SeedRandom(options.Seed);
        var disarm = DisarmFramework.Embedded;
        var catalogue = DemoCatalogue.Build(random, options.Year);
        // The repertoire of this world's actors: a few dozen of DISARM's techniques, not all of them.
        var incidents = new DemoIncidents(random, catalogue, random.Several(disarm.Techniques, TechniquesInUse));
        var responses = new DemoResponses(random, catalogue, disarm.Counters);
        var output = new List<JsonObject>(catalogue.Objects);

        foreach (var (year, count) in new[] { (options.Year - 1, (int)Math.Round(options.Incidents * options.PreviousYearShare)), (options.Year, options.Incidents) })
        {
            var events = DemoCatalogue.Events(random, year);
            var seeded = new List<SeededIncident>(count);
            for (var i = 0; i < count; i++)
            {
                var incident = incidents.Generate(output, year, events);
                responses.Respond(output, incident);
                seeded.Add(incident);
            }
            responses.Assess(output, seeded);
        }
        return new DemoSeedData([.. output.Select(o => new StixObject(o))], catalogue.Organisations);
    }
}
