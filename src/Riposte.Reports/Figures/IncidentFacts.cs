using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Riposte.Stix;

namespace Riposte.Reports.Figures;

/// <summary>An incident the report counts, with its extension read once.</summary>
public sealed record IncidentFacts(StixObject Stix, IncidentDetails Details, DateTimeOffset FirstSeen, DateTimeOffset Detected)
{
    /// <summary>Statuses the report counts: judged FIMI work. Drafts and incidents under assessment are still open questions.</summary>
    public static readonly IReadOnlySet<IncidentStatus> Counted = new HashSet<IncidentStatus> { IncidentStatus.Confirmed, IncidentStatus.Shared, IncidentStatus.Closed };

    public string Id => Stix.Id;

    /// <summary>The incidents of a year: counted status and first seen (else created) in that year (UTC).</summary>
    public static List<IncidentFacts> OfYear(IEnumerable<StixObject> incidents, int year)
    {
        var list = new List<IncidentFacts>();
        foreach (var incident in incidents)
        {
            var details = IncidentService.DetailsOf(incident);
            if (!Counted.Contains(details.Status))
                continue;
            var detected = incident.Created?.Value ?? DateTimeOffset.MinValue;
            var firstSeen = StixTimestamp.TryParse(details.FirstSeen, out var seen) ? seen.Value : detected;
            if (firstSeen.UtcDateTime.Year == year)
                list.Add(new IncidentFacts(incident, details, firstSeen, detected));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }
}
