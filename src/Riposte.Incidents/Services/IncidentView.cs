using System.Text.Json.Nodes;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Services;

/// <summary>An incident as analysts read it: the judgement in plain fields, plus the STIX object itself.</summary>
public sealed record IncidentView(
    string Id,
    string Version,
    string Name,
    string? Description,
    string Status,
    string Category,
    IReadOnlyList<string> Subcategories,
    string? Tlp,
    string? FirstSeen,
    string? LastSeen,
    IReadOnlyList<string> TargetLocationRefs,
    IReadOnlyList<string> TargetEvents,
    IReadOnlyList<string> TargetIdentityRefs,
    IReadOnlyList<string> TargetSectors,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<string> ChannelRefs,
    IReadOnlyList<string> NarrativeRefs,
    IReadOnlyList<string> AccountRefs,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, CriterionJudgement> Criteria,
    bool AllCriteriaMet,
    IReadOnlyList<EvidenceItem> Evidence,
    string? Impact,
    string? SourceFindingRef,
    IReadOnlyList<TechniqueUse> Techniques,
    IReadOnlyList<Attribution> Actors,
    EditRecord LastEdit,
    JsonObject Stix)
{
    public static IncidentView Of(StixObject incident, IReadOnlyList<TechniqueUse> techniques, IReadOnlyList<Attribution> actors)
    {
        var d = IncidentService.DetailsOf(incident);
        return new IncidentView(
            incident.Id, incident.Version?.Text ?? "", incident.Name ?? "", incident.Description,
            IncidentWorkflow.Name(d.Status), ThreatCategories.Name(d.Category), d.Subcategories,
            TlpMarkings.MostRestrictive(incident.ObjectMarkingRefs) is { } level ? TlpMarkings.Tlp2Value(level) : null,
            d.FirstSeen, d.LastSeen, d.TargetLocationRefs, d.TargetEvents, d.TargetIdentityRefs, d.TargetSectors,
            d.Platforms, d.ChannelRefs, d.NarrativeRefs, d.AccountRefs, d.Languages, d.Criteria, d.AllCriteriaMet,
            d.Evidence, d.Impact, d.SourceFindingRef, techniques, actors, EditRecord.Of(incident), incident.Json);
    }
}

/// <summary>A DISARM technique observed in an incident (a <c>uses</c> relationship) and its evidence.</summary>
public sealed record TechniqueUse(string RelationshipId, string AttackPatternId, string? DisarmId, string? Name, string? Description, IReadOnlyList<EvidenceItem> Evidence);

/// <summary>An actor the incident is attributed to, with the confidence in words and its basis.</summary>
public sealed record Attribution(string RelationshipId, string ActorId, string ActorType, string? Name, int? Confidence, string? Estimative, string? Basis);
