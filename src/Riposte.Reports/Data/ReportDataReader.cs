using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Reports.Data;

/// <summary>
/// Reads what the report needs through the one access gate, in pages (the gate looks referenced
/// markings up in bulk). The public edition reads as an organisation no node knows — which the gate
/// shows TLP:CLEAR and nothing else — and keeps, besides, only objects that carry TLP:CLEAR themselves
/// (or are DISARM framework objects, public by their licence statement).
/// </summary>
public static class ReportDataReader
{
    /// <summary>The principal the public edition reads as: not a registered organisation, so TLP:CLEAR only (docs/access.md M2, M7).</summary>
    public static readonly Principal Public = new("report-public-edition", "identity--00000000-0000-4000-8000-00000000c1ea", Role.Reader);

    public static readonly IReadOnlyList<string> Types =
    [
        "incident", "relationship", "threat-actor", "intrusion-set", RiposteExtensions.NarrativeType, RiposteExtensions.ChannelType,
        RiposteExtensions.ResponseType, "report", "note", "identity", "location", "attack-pattern", "course-of-action",
    ];

    private static readonly HashSet<string> FrameworkTypes = new(StringComparer.Ordinal) { "attack-pattern", "course-of-action" };
    private const int PageSize = 500;

    public static ReportData Read(IStixStore store, IAccessGate gate, ReportEdition edition, Principal requester, CancellationToken cancellationToken = default)
    {
        var reader = edition == ReportEdition.Public ? Public : requester;
        var data = new ReportData();
        var page = new List<StixObject>(PageSize);
        foreach (var type in Types)
        {
            foreach (var stored in store.Query(new StixQuery { Types = [type] }))
            {
                page.Add(stored.Object);
                if (page.Count == PageSize)
                    Flush(gate, reader, edition, page, data, cancellationToken);
            }
            Flush(gate, reader, edition, page, data, cancellationToken);
        }
        return data;
    }

    /// <summary>True when the public edition may use an object the gate already let through for the public.</summary>
    public static bool IsPublic(StixObject obj) =>
        TlpMarkings.MostRestrictive(obj.ObjectMarkingRefs) is { } level
            ? level == TlpLevel.Clear
            : FrameworkTypes.Contains(obj.Type);

    private static void Flush(IAccessGate gate, Principal reader, ReportEdition edition, List<StixObject> page, ReportData data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var shown in gate.ForReader(reader, page))
        {
            if (shown is null || shown.Revoked)
                continue;
            if (edition == ReportEdition.Public && !IsPublic(shown))
                continue;
            data.Add(shown);
        }
        page.Clear();
    }
}
