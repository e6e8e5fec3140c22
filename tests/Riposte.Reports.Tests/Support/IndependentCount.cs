using System.Globalization;
using System.Text.Json.Nodes;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Taxonomy;

namespace Riposte.Reports.Tests.Support;

/// <summary>
/// The report's figures computed a second way: straight from the JSON of the bundle the seed produced
/// (plus the planted objects), with the TLP rules written out for the two kinds of reader the tests use,
/// not through the store, the gate or the report's own code.
/// </summary>
public sealed class IndependentCount
{
    private static readonly string[] Counted = ["confirmed", "shared", "closed"];
    private readonly Dictionary<string, JsonObject> _visible = new(StringComparer.Ordinal);

    private IndependentCount(IEnumerable<StixObject> objects, Func<JsonObject, bool> sees)
    {
        foreach (var o in objects)
        {
            if (sees(o.Json))
                _visible[(string)o.Json["id"]!] = o.Json;
        }
    }

    /// <summary>The public: objects marked TLP:CLEAR, nothing else.</summary>
    public static IndependentCount ForPublic(IEnumerable<StixObject> objects) =>
        new(objects, o => Markings(o).SequenceEqual([TlpMarkings.ClearId]));

    /// <summary>A registered member with no clients and not named as a recipient: CLEAR and GREEN, and its own objects.</summary>
    public static IndependentCount ForMember(IEnumerable<StixObject> objects, string organisation) =>
        new(objects, o => Markings(o).All(m => m is TlpMarkings.ClearId or TlpMarkings.GreenId) || (string?)o["created_by_ref"] == organisation);

    public List<JsonObject> Incidents(int year) =>
        [.. _visible.Values.Where(o => (string)o["type"]! == "incident")
            .Where(o => Counted.Contains(Ext(o)["status"]!.GetValue<string>()))
            .Where(o => FirstSeen(o).Year == year)];

    public Dictionary<string, int> ByMonth(int year) => Tally(Incidents(year), i => [CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(FirstSeen(i).Month)]);

    public Dictionary<string, int> ByCategory(int year) => Tally(Incidents(year), i => [Ext(i)["category"]!.GetValue<string>()]);

    public Dictionary<string, int> ByPlatform(int year) => Tally(Incidents(year), i => Strings(Ext(i)["platforms"]));

    public Dictionary<string, int> ByLanguage(int year) => Tally(Incidents(year), i => Strings(Ext(i)["languages"]));

    public Dictionary<string, int> ByNarrative(int year) =>
        Tally(Incidents(year), i => Strings(Ext(i)["narrative_refs"]).Where(_visible.ContainsKey).Select(id => (string)_visible[id]["name"]!));

    public Dictionary<string, int> ByCountry(int year) =>
        Tally(Incidents(year), i => Strings(Ext(i)["target_location_refs"]).Where(_visible.ContainsKey).Select(id => (string)_visible[id]["name"]!));

    public Dictionary<string, int> BySector(int year) => Tally(Incidents(year), i => Strings(Ext(i)["target_sectors"]));

    public Dictionary<string, int> ByEvent(int year) => Tally(Incidents(year), i => Strings(Ext(i)["target_events"]));

    /// <summary>Outcomes of the visible responses to the year's visible incidents.</summary>
    public Dictionary<string, int> Outcomes(int year)
    {
        var incidents = Incidents(year).Select(i => (string)i["id"]!).ToHashSet();
        return _visible.Values.Where(o => (string)o["type"]! == RiposteExtensions.ResponseType && Strings(o["incident_refs"]).Any(incidents.Contains))
            .Where(o => o["outcome"] is not null).GroupBy(o => (string)o["outcome"]!).ToDictionary(g => g.Key, g => g.Count());
    }

    public Dictionary<string, int> ByActor(int year)
    {
        var incidents = Incidents(year).Select(i => (string)i["id"]!).ToHashSet();
        var pairs = Relationships("attributed-to").Where(r => incidents.Contains((string)r["source_ref"]!))
            .Select(r => ((string)r["source_ref"]!, (string)_visible[(string)r["target_ref"]!]["name"]!)).Distinct();
        return pairs.GroupBy(p => p.Item2).ToDictionary(g => g.Key, g => g.Count());
    }

    public Dictionary<string, int> ByTechnique(int year)
    {
        var disarm = DisarmFramework.Embedded.Techniques.ToDictionary(t => t.StixId, t => t.Id);
        var incidents = Incidents(year).Select(i => (string)i["id"]!).ToHashSet();
        // DISARM attack-patterns are public framework objects, so only the relationship's own marking matters.
        var pairs = _visible.Values.Where(o => (string)o["type"]! == "relationship" && (string)o["relationship_type"]! == "uses")
            .Where(r => incidents.Contains((string)r["source_ref"]!) && disarm.ContainsKey((string)r["target_ref"]!))
            .Select(r => ((string)r["source_ref"]!, disarm[(string)r["target_ref"]!])).Distinct();
        return pairs.GroupBy(p => p.Item2).ToDictionary(g => g.Key, g => g.Count());
    }

    public int Responses(int year)
    {
        var incidents = Incidents(year).Select(i => (string)i["id"]!).ToHashSet();
        return _visible.Values.Count(o => (string)o["type"]! == RiposteExtensions.ResponseType && Strings(o["incident_refs"]).Any(incidents.Contains));
    }

    public int Channels(int year) =>
        Incidents(year).SelectMany(i => Strings(Ext(i)["channel_refs"])).Where(_visible.ContainsKey).Distinct().Count();

    public int ContentItems(int year) => Incidents(year).Sum(i => Ext(i)["evidence"] is JsonArray a ? a.Count : 0);

    private IEnumerable<JsonObject> Relationships(string type) =>
        _visible.Values.Where(o => (string)o["type"]! == "relationship" && (string)o["relationship_type"]! == type
            && _visible.ContainsKey((string)o["source_ref"]!) && _visible.ContainsKey((string)o["target_ref"]!));

    private static Dictionary<string, int> Tally(IEnumerable<JsonObject> incidents, Func<JsonObject, IEnumerable<string>> keys) =>
        incidents.SelectMany(i => keys(i).Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    private static JsonObject Ext(JsonObject incident) => incident["extensions"]![RiposteExtensions.IncidentId]!.AsObject();

    private static DateTime FirstSeen(JsonObject incident) =>
        DateTime.Parse(Ext(incident)["first_seen"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static IEnumerable<string> Markings(JsonObject o) => Strings(o["object_marking_refs"]);

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? [.. a.Select(v => v!.GetValue<string>())] : [];
}
