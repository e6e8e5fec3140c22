using Riposte.Incidents.Model;
using Riposte.Reports.Data;
using Riposte.Stix;

namespace Riposte.Reports.Figures;

/// <summary>
/// The data one report is computed from, indexed once: the year's and the previous year's incidents,
/// their techniques and attributions, responses and the assessments that shared them. A reference
/// counts only when its target is in the data, so what the reader may not see is never counted.
/// </summary>
public sealed class FigureContext
{
    public FigureContext(ReportData data, int year, IReadOnlyDictionary<string, string>? tiers = null)
    {
        Data = data;
        Year = year;
        Tiers = tiers ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var incidents = data.OfType("incident");
        Incidents = IncidentFacts.OfYear(incidents, year);
        Previous = IncidentFacts.OfYear(incidents, year - 1);
        foreach (var rel in data.OfType("relationship"))
        {
            var source = rel.GetString("source_ref");
            var target = rel.GetString("target_ref");
            if (source is null || data.Get(target) is null || data.Get(source) is null)
                continue;
            var index = rel.GetString("relationship_type") switch
            {
                "uses" => Uses,
                "attributed-to" => Attributions,
                _ => null,
            };
            if (index is null)
                continue;
            if (!index.TryGetValue(source, out var list))
                index[source] = list = [];
            list.Add(rel);
        }
        foreach (var report in data.OfType("report").Where(r => r.Labels.Contains("fimi-assessment")))
        {
            if (!StixTimestamp.TryParse(report.GetString("published"), out var published))
                continue;
            foreach (var id in report.GetStrings("object_refs"))
            {
                if (!FirstShared.TryGetValue(id, out var earlier) || published.Value < earlier)
                    FirstShared[id] = published.Value;
            }
        }
    }

    public ReportData Data { get; }

    /// <summary>Organisation identity id → its trust tier on this node (member, partner, outreach).</summary>
    public IReadOnlyDictionary<string, string> Tiers { get; }
    public int Year { get; }
    public IReadOnlyList<IncidentFacts> Incidents { get; }
    public IReadOnlyList<IncidentFacts> Previous { get; }

    /// <summary>Incident id → its visible <c>uses</c> relationships to visible attack-patterns.</summary>
    public Dictionary<string, List<StixObject>> Uses { get; } = new(StringComparer.Ordinal);

    /// <summary>Incident id → its visible <c>attributed-to</c> relationships to visible actors.</summary>
    public Dictionary<string, List<StixObject>> Attributions { get; } = new(StringComparer.Ordinal);

    /// <summary>Incident id → the earliest publication of a visible assessment that shared it.</summary>
    public Dictionary<string, DateTimeOffset> FirstShared { get; } = new(StringComparer.Ordinal);

    /// <summary>The visible targets of a reference list (invisible ones dropped).</summary>
    public IEnumerable<StixObject> Resolve(IEnumerable<string> refs) =>
        refs.Distinct(StringComparer.Ordinal).Select(Data.Get).OfType<StixObject>();

    /// <summary>Responses about at least one of the given incidents.</summary>
    public List<StixObject> ResponsesTo(IReadOnlyList<IncidentFacts> incidents)
    {
        var ids = incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return [.. Data.OfType(RiposteExtensions.ResponseType).Where(r => r.GetStrings("incident_refs").Any(ids.Contains)).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }
}
