using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Web.Ui.Views;

/// <summary>An actor offered in a filter.</summary>
public sealed record ActorChoice(string Id, string Name);

/// <summary>The fixed vocabularies forms offer, taken from the services that enforce them.</summary>
public static class Choices
{
    public static IReadOnlyList<string> Categories { get; } = [.. Enum.GetValues<ThreatCategory>().Select(ThreatCategories.Name)];
    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetValues<IncidentStatus>().Select(IncidentWorkflow.Name)];
    public static IReadOnlyList<string> Markings { get; } = [.. Enum.GetValues<TlpLevel>().Select(TlpMarkings.Tlp2Value)];

    /// <summary>Threat actors and intrusion sets the principal may see.</summary>
    public static IReadOnlyList<ActorChoice> Actors(ObjectWorkspace workspace, Principal principal) =>
        [.. workspace.List(principal, new StixQuery { Types = ["threat-actor", "intrusion-set"] }, limit: 500)
            .Select(a => new ActorChoice(a.Id, a.Name ?? a.Id))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
}
