using System.Text.Json.Nodes;
using Riposte.Incidents.Model;
using Riposte.Taxonomy;

namespace Riposte.Cli.Seeding;

/// <summary>An incident as generated, with what the responses and assessments that follow need.</summary>
internal sealed record SeededIncident(string Id, string Tlp, string CreatedBy, DateTimeOffset Detected, string Status);

/// <summary>
/// One year's incidents: each in a month weighted towards that year's elections, aimed at a country,
/// spread over platforms and channels of those platforms, pushing that country's narratives, using
/// DISARM techniques and (mostly) attributed to an actor with a stated confidence.
/// </summary>
internal sealed class DemoIncidents(SeedRandom random, DemoCatalogue catalogue, IReadOnlyList<DisarmTechnique> techniques)
{
    private static readonly string[] Statuses = ["draft", "under-assessment", "confirmed", "shared", "closed"];
    private static readonly double[] StatusWeights = [0.04, 0.08, 0.2, 0.48, 0.2];
    private static readonly string[] Criteria = ["manipulative", "intentional", "coordinated", "foreign-state-linked", "threatens-democracy"];

    private static readonly Dictionary<string, string[]> Subcategories = new(StringComparer.Ordinal)
    {
        ["information-manipulation"] = ["disinformation", "impersonation", "hack-and-leak", "astroturfing"],
        ["election-interference"] = ["voter-suppression", "candidate-targeting", "sub-national-interference", "disinformation"],
        ["fundamental-freedoms"] = ["transnational-repression", "harassment-of-journalists", "diaspora-intimidation"],
    };

    // Techniques are used unevenly in practice: a few carry most campaigns.
    private readonly double[] _techniqueWeights = [.. techniques.Select((_, i) => 1.0 / Math.Sqrt(1 + i))];

    public SeededIncident Generate(List<JsonObject> output, int year, IReadOnlyList<SeededEvent> events)
    {
        var election = events.Count > 0 && random.Chance(0.3) ? random.Pick(events) : null;
        var firstSeen = election is null
            ? new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(365 * 24 * 60))
            : Clamp(election.Date.AddDays(-random.Between(0, 45)).AddMinutes(random.Next(24 * 60)), year);
        var country = election?.Country ?? random.Next(catalogue.Countries.Count);
        var category = election is { IsElection: true } ? "election-interference"
            : random.Chance(0.8) ? "information-manipulation" : "fundamental-freedoms";
        var detected = firstSeen.AddHours(random.Between(2, 96));
        var lastSeen = firstSeen.AddDays(random.Between(0, 40));
        var tlp = SeedObjects.Tlps[random.Weighted(SeedObjects.TlpWeights)];
        var createdBy = random.Chance(0.8) ? random.Pick(catalogue.Members) : random.Pick(catalogue.Partners);
        var status = Statuses[random.Weighted(StatusWeights)];
        var id = random.Id("incident");

        var platforms = random.Several(DemoWorld.Platforms, random.Between(1, 3)).Select(p => p.Name).ToList();
        var channels = random.Several(catalogue.Channels.Where(c => platforms.Contains(c.Platform!)).ToList(), random.Between(1, 4));
        var narratives = random.Several(catalogue.Narratives.Where(n => n.Country == country).ToList(), random.Between(1, 2));
        var targets = random.Several(catalogue.Targets.Where(t => t.Country == country).ToList(), random.Between(0, 2));
        var locations = new List<string> { catalogue.Countries[country].Id };
        if (random.Chance(0.2))
            locations.Add(random.Pick(catalogue.Countries).Id);
        var language = DemoWorld.Countries[country].Language;
        var languages = random.Chance(0.35) ? new[] { language, random.Chance(0.5) ? "en" : "ru" } : [language];

        var details = new JsonObject
        {
            ["extension_type"] = RiposteExtensions.PropertyExtension,
            ["category"] = category,
            ["subcategories"] = SeedObjects.Strings(random.Several(Subcategories[category], random.Between(1, 2))),
            ["status"] = status,
            ["first_seen"] = SeedRandom.Timestamp(firstSeen),
            ["last_seen"] = SeedRandom.Timestamp(lastSeen),
            ["target_location_refs"] = SeedObjects.Strings(locations.Distinct(StringComparer.Ordinal)),
            ["target_sectors"] = SeedObjects.Strings(random.Several(DemoWorld.Sectors, random.Between(1, 2))),
            ["platforms"] = SeedObjects.Strings(platforms),
            ["channel_refs"] = SeedObjects.Strings(channels.Select(c => c.Id)),
            ["narrative_refs"] = SeedObjects.Strings(narratives.Select(n => n.Id)),
            ["languages"] = SeedObjects.Strings(languages.Distinct(StringComparer.Ordinal)),
            ["criteria"] = CriteriaJson(status),
            ["evidence"] = Evidence(platforms),
            ["impact"] = random.Pick(DemoWorld.Impacts),
        };
        if (election is not null)
            details["target_events"] = SeedObjects.Strings([election.Name]);
        if (targets.Count > 0)
            details["target_identity_refs"] = SeedObjects.Strings(targets.Select(t => t.Id));

        var json = SeedObjects.Sdo("incident", id, detected, createdBy, tlp);
        json["name"] = $"{Title(category)} against {catalogue.Countries[country].Name} on {string.Join(", ", platforms)}";
        json["description"] = $"Campaign pushing \"{narratives.FirstOrDefault()?.Name ?? "an unnamed narrative"}\".";
        json["extensions"] = new JsonObject { [RiposteExtensions.IncidentId] = details };
        output.Add(json);

        foreach (var technique in PickTechniques(random.Between(2, 5)))
            output.Add(SeedObjects.Relationship(random, "uses", id, technique.StixId, detected, createdBy, tlp));
        if (random.Chance(0.7))
        {
            var actor = random.Pick(catalogue.Actors);
            var confidence = random.Between(15, 95);
            var attribution = SeedObjects.Relationship(random, "attributed-to", id, actor.Id, detected, createdBy, tlp);
            attribution["confidence"] = confidence;
            attribution["description"] = "Shared infrastructure and narratives with earlier operations of this actor.";
            output.Add(attribution);
        }
        return new SeededIncident(id, tlp, createdBy, detected, status);
    }

    private List<DisarmTechnique> PickTechniques(int count)
    {
        var chosen = new List<DisarmTechnique>(count);
        while (chosen.Count < count)
        {
            var technique = techniques[random.Weighted(_techniqueWeights)];
            if (!chosen.Contains(technique))
                chosen.Add(technique);
        }
        return chosen;
    }

    private JsonObject CriteriaJson(string status)
    {
        var criteria = new JsonObject();
        foreach (var name in Criteria)
        {
            // Confirmed work has every criterion met; open work some; a closed incident may be judged not FIMI.
            var met = status is "confirmed" or "shared" || (status == "closed" ? random.Chance(0.9) : random.Chance(0.6));
            criteria[name] = new JsonObject { ["met"] = met, ["rationale"] = met ? $"Evidence shows the activity is {name}." : $"Not shown to be {name}." };
        }
        return criteria;
    }

    private JsonArray Evidence(IReadOnlyList<string> platforms)
    {
        var items = new JsonArray();
        var count = random.Between(2, 12);
        for (var i = 0; i < count; i++)
        {
            items.Add(new JsonObject
            {
                ["kind"] = "post",
                ["ref"] = $"{random.Pick(platforms)}:{random.Hex(6)}",
                ["sha256"] = random.Hex(32),
            });
        }
        return items;
    }

    private static DateTimeOffset Clamp(DateTimeOffset value, int year)
    {
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(year, 12, 31, 12, 0, 0, TimeSpan.Zero);
        return value < start ? start.AddHours(6) : value > end ? end : value;
    }

    private static string Title(string category) => category switch
    {
        "election-interference" => "Election interference",
        "fundamental-freedoms" => "Pressure on fundamental freedoms",
        _ => "Information manipulation",
    };
}
