namespace Riposte.Incidents.Model;

public enum IncidentStatus
{
    Draft,
    UnderAssessment,
    Confirmed,
    Shared,
    Closed,
}

/// <summary>The status workflow: draft → under assessment → confirmed → shared → closed, and nothing else.</summary>
public static class IncidentWorkflow
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Allowed = new()
    {
        [IncidentStatus.Draft] = [IncidentStatus.UnderAssessment, IncidentStatus.Closed],
        // Back to draft when the assessment needs rework; closed when it turns out not to be FIMI.
        [IncidentStatus.UnderAssessment] = [IncidentStatus.Draft, IncidentStatus.Confirmed, IncidentStatus.Closed],
        [IncidentStatus.Confirmed] = [IncidentStatus.Shared, IncidentStatus.Closed],
        [IncidentStatus.Shared] = [IncidentStatus.Closed],
        [IncidentStatus.Closed] = [],
    };

    public static bool CanMove(IncidentStatus from, IncidentStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<IncidentStatus> NextOf(IncidentStatus from) => Allowed[from];

    public static string Name(IncidentStatus status) => status switch
    {
        IncidentStatus.Draft => "draft",
        IncidentStatus.UnderAssessment => "under-assessment",
        IncidentStatus.Confirmed => "confirmed",
        IncidentStatus.Shared => "shared",
        IncidentStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status"),
    };

    public static bool TryParse(string? text, out IncidentStatus status)
    {
        foreach (var s in Enum.GetValues<IncidentStatus>())
        {
            if (string.Equals(Name(s), text, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<IncidentStatus>().Select(Name));
}
