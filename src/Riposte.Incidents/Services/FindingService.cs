using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Services;

/// <summary>
/// From a finding to an incident in one step: reads a detection cluster (a <c>grouping</c> labelled
/// <c>candidate-finding</c>) and creates a draft incident carrying its accounts, its evidence (with
/// hashes) and the DISARM techniques detection suggested.
/// </summary>
public sealed class FindingService(ObjectWorkspace workspace, IncidentService incidents)
{
    public const string FindingLabel = "candidate-finding";

    public IncidentView CreateIncident(Principal principal, string groupingId, string? name = null, string? category = null, string? tlp = null)
    {
        workspace.RequireWriter(principal, "create incidents");
        var grouping = workspace.Get(principal, groupingId, "grouping");
        if (!grouping.Labels.Contains(FindingLabel))
            throw InputInvalidException.One("groupingId", $"'{groupingId}' is not a detection finding (a grouping labelled {FindingLabel})");

        var accounts = new List<string>();
        var evidence = new List<EvidenceInput> { new("cluster", grouping.Id, ObjectHashes.Of(grouping), grouping.Name) };
        var techniques = new List<string>();
        foreach (var id in grouping.GetStrings("object_refs"))
        {
            var member = workspace.TryGet(principal, id);
            if (member is null)
                continue;
            switch (member.Type)
            {
                case "user-account" or "identity":
                    accounts.Add(id);
                    break;
                case "attack-pattern":
                    techniques.AddRange(member.ExternalIds);
                    break;
                case "url":
                    evidence.Add(new EvidenceInput("link", member.GetString("value") ?? id, ObjectHashes.Of(member)));
                    break;
                default:
                    evidence.Add(new EvidenceInput("stix", id, ObjectHashes.Of(member), member.Name ?? string.Join(", ", member.Labels)));
                    break;
            }
        }
        foreach (var rel in workspace.Relationships(principal, grouping.Id).Where(r => r.GetString("source_ref") == grouping.Id))
        {
            if (workspace.TryGet(principal, rel.GetString("target_ref") ?? "") is { Type: "attack-pattern" } pattern)
                techniques.AddRange(pattern.ExternalIds.Take(1));
        }

        var level = TlpMarkings.MostRestrictive(grouping.ObjectMarkingRefs);
        var incident = incidents.Create(principal, new IncidentInput
        {
            Name = name ?? grouping.Name ?? "Incident from detection finding",
            Description = grouping.Description,
            Category = category ?? ThreatCategories.Name(ThreatCategory.InformationManipulation),
            AccountRefs = accounts,
            Evidence = evidence,
            Tlp = tlp ?? (level is { } l ? TlpMarkings.Tlp2Value(l) : null),
        });
        var sourced = workspace.Update(principal, incident.Id, IncidentService.Type, incident.Version?.Text, $"from finding {grouping.Id}", (current, b) =>
            IncidentService.WriteDetails(b, IncidentService.DetailsOf(current) with { SourceFindingRef = grouping.Id }));
        foreach (var technique in techniques.Distinct(StringComparer.Ordinal))
        {
            if (incidents.FindTechnique(principal, technique) is not null)
                incidents.TagTechnique(principal, sourced.Id, technique, $"suggested by detection ({grouping.Name})", [new EvidenceInput("cluster", grouping.Id, ObjectHashes.Of(grouping))]);
        }
        return incidents.View(principal, sourced.Id);
    }
}
