using System.Text.Json.Nodes;
using Riposte.Incidents.Model;
using Riposte.Taxonomy;

namespace Riposte.Cli.Seeding;

/// <summary>
/// What members did about a year's incidents: responses (DISARM counters and the mechanism's own
/// actions, some coordinated by several members) with dates and outcomes, lessons learned from some of
/// them, and the threat assessments through which confirmed incidents were shared.
/// </summary>
internal sealed class DemoResponses(SeedRandom random, DemoCatalogue catalogue, IReadOnlyList<DisarmCounter> counters)
{
    private static readonly string[] Kinds = [.. ResponseKinds.All];

    public void Respond(List<JsonObject> output, SeededIncident incident)
    {
        if (incident.Status is "draft" or "under-assessment" || !random.Chance(0.55))
            return;
        var responses = random.Between(1, 2);
        for (var r = 0; r < responses; r++)
        {
            var kind = random.Pick(Kinds);
            var owner = random.Pick(catalogue.Members);
            var start = incident.Detected.AddDays(random.Between(1, 20));
            var completed = random.Chance(0.7);
            var tlp = SeedObjects.Tlps[random.Weighted(SeedObjects.TlpWeights)];
            var json = SeedObjects.Sdo(RiposteExtensions.ResponseType, random.Id(RiposteExtensions.ResponseType), start, owner, tlp);
            json["name"] = $"{kind.Replace('-', ' ')} response";
            json["response_kind"] = kind;
            json["owner_ref"] = owner;
            json["incident_refs"] = SeedObjects.Strings([incident.Id]);
            if (random.Chance(0.35))
                json["participant_refs"] = SeedObjects.Strings(random.Several(catalogue.Members, random.Between(2, 4)).Append(owner).Distinct(StringComparer.Ordinal));
            json["status"] = completed ? "completed" : random.Chance(0.8) ? "in-progress" : "planned";
            json["start_time"] = SeedRandom.Timestamp(start);
            if (completed)
            {
                json["stop_time"] = SeedRandom.Timestamp(start.AddDays(random.Between(1, 30)));
                json["outcome"] = random.Pick(DemoWorld.Outcomes);
            }
            if (kind == ResponseKinds.DisarmCounter)
                json["counter_refs"] = SeedObjects.Strings(random.Several(counters, random.Between(1, 2)).Select(c => Riposte.Taxonomy.Stix.DisarmStix.CourseOfActionId(c.Id)));
            SeedObjects.NewSdo(json, RiposteExtensions.ResponseId);
            output.Add(json);

            if (completed && random.Chance(0.1))
            {
                var lesson = SeedObjects.Sdo("note", random.Id("note"), start.AddDays(35), owner, tlp);
                lesson["abstract"] = $"Lesson from a {kind.Replace('-', ' ')} response";
                lesson["content"] = "Coordinating the timing of statements with platform referrals increased the effect.";
                lesson["labels"] = SeedObjects.Strings(["lesson-learned"]);
                lesson["object_refs"] = SeedObjects.Strings([(string)json["id"]!, incident.Id]);
                output.Add(lesson);
            }
        }
    }

    /// <summary>Each organisation shares its confirmed work in a monthly assessment, at the strictest marking of what it holds.</summary>
    public void Assess(List<JsonObject> output, IReadOnlyList<SeededIncident> incidents)
    {
        var groups = incidents.Where(i => i.Status is "shared" or "closed")
            .GroupBy(i => (i.CreatedBy, i.Detected.Year, i.Detected.Month))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.CreatedBy, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            var tlp = members.Select(i => i.Tlp).Aggregate(DemoCatalogue.Stricter);
            var published = members.Max(i => i.Detected).AddDays(random.Between(1, 10));
            var json = SeedObjects.Sdo("report", random.Id("report"), published, group.Key.CreatedBy, tlp);
            var name = catalogue.Organisations.First(o => o.Id == group.Key.CreatedBy).Name;
            json["name"] = $"Threat assessment {group.Key.Year}-{group.Key.Month:00} by {name}";
            json["report_types"] = SeedObjects.Strings(["threat-report"]);
            json["published"] = SeedRandom.Timestamp(published);
            json["labels"] = SeedObjects.Strings(["fimi-assessment"]);
            json["object_refs"] = SeedObjects.Strings(members.Select(i => i.Id));
            output.Add(json);
        }
    }
}
