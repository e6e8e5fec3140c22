using Riposte.Cli.Seeding;
using Riposte.Incidents.Model;
using Riposte.Reports.Tests.Support;
using Riposte.Stix.Markings;

namespace Riposte.Reports.Tests;

public sealed class SeedTests(BuiltReports built)
{
    [Fact]
    public void Generate_SameSeed_SameObjectsByteForByte()
    {
        var a = DemoSeedGenerator.Generate(new DemoSeedOptions(40, 2026, 5));
        var b = DemoSeedGenerator.Generate(new DemoSeedOptions(40, 2026, 5));
        var c = DemoSeedGenerator.Generate(new DemoSeedOptions(40, 2026, 6));
        Assert.Equal(a.Objects.Select(o => o.ToJson()), b.Objects.Select(o => o.ToJson()));
        Assert.NotEqual(a.Objects.Select(o => o.ToJson()), c.Objects.Select(o => o.ToJson()));
    }

    [Fact]
    public void Seed_Import_RejectsNothing()
    {
        Assert.Equal(0, built.Node.Summary.Rejected);
        Assert.Equal(built.Node.Seed.Objects.Count, built.Node.Summary.Added);
    }

    [Fact]
    public void Seed_Markings_SpreadOverEveryTlpLevel()
    {
        var levels = built.Node.Seed.Objects.Where(o => o.Type == "incident")
            .Select(o => TlpMarkings.MostRestrictive(o.ObjectMarkingRefs)).Distinct().ToHashSet();
        Assert.Equal(new TlpLevel?[] { TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red }.ToHashSet(), levels);
    }

    [Fact]
    public void Seed_References_PointAtObjectsOfTheSeedOrDisarm()
    {
        var ids = built.Node.Seed.Objects.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var disarm = Riposte.Taxonomy.Stix.DisarmStix.AllObjects(Riposte.Taxonomy.DisarmFramework.Embedded).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var o in built.Node.Seed.Objects)
        {
            var refs = o.Type switch
            {
                "relationship" => [o.GetString("source_ref")!, o.GetString("target_ref")!],
                "report" or "note" => o.GetStrings("object_refs"),
                RiposteExtensions.ResponseType => [.. o.GetStrings("incident_refs"), .. o.GetStrings("counter_refs"), o.GetString("owner_ref")!],
                "incident" => [.. Extension(o, "channel_refs"), .. Extension(o, "narrative_refs"), .. Extension(o, "target_location_refs"), .. Extension(o, "target_identity_refs")],
                _ => [],
            };
            foreach (var r in refs)
                Assert.True(ids.Contains(r) || disarm.Contains(r), $"{o.Id} points at {r}, which is neither seeded nor DISARM");
            if (o.CreatedByRef is { } creator)
                Assert.Contains(creator, ids);
        }
    }

    [Fact]
    public void Seed_PreviousYear_HasIncidentsForTheChange()
    {
        var years = built.Node.Seed.Objects.Where(o => o.Type == "incident")
            .Select(o => Riposte.Incidents.Services.IncidentService.DetailsOf(o).FirstSeen![..4]).ToHashSet();
        Assert.Equal(["2025", "2026"], years.Order());
    }

    private static IReadOnlyList<string> Extension(Riposte.Stix.StixObject o, string property) =>
        RiposteExtensions.Read(o, RiposteExtensions.IncidentId)?[property] is System.Text.Json.Nodes.JsonArray a ? [.. a.Select(v => v!.GetValue<string>())] : [];
}
