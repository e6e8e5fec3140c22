using System.Globalization;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Web.Ui.Views;

/// <summary>One incident in a list: what the table shows.</summary>
public sealed record IncidentRow(
    string Id, string Name, string Status, string Category, ShownMarking Marking,
    string? FirstSeen, string? LastSeen, IReadOnlyList<string> Platforms, string Modified, StixObject Stix);

/// <summary>The incidents a query selects, or the field errors that stop it.</summary>
public sealed record IncidentResult(IReadOnlyList<IncidentRow> Rows, IReadOnlyDictionary<string, string[]> Errors, bool Truncated);

/// <summary>
/// Finds incidents for the UI. Status, category, technique and full text go to
/// <see cref="IncidentService.List"/> (through the gate); actor, platform, target, marking and dates
/// are applied here to what the gate already let through, so nothing hidden is ever considered.
/// </summary>
public sealed class IncidentFinder(IncidentService incidents, ObjectWorkspace workspace, MarkingView markings)
{
    /// <summary>The most incidents one page works on; the list says when there are more.</summary>
    public const int Limit = 1000;

    /// <summary>
    /// The most full-text matches considered. The store's search is not filtered by type, so the
    /// service reads four hits per incident wanted: 1,000 would parse 4,000 objects per page.
    /// </summary>
    public const int SearchLimit = 200;

    public IncidentResult Find(Principal principal, IncidentQuery query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = Day(errors, "from", query.From);
        var to = Day(errors, "to", query.To);
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
            errors["to"] = [$"must not be before 'from' ({query.From})"];
        if (!string.IsNullOrWhiteSpace(query.Marking) && TlpMarkings.FromTlp2Value(query.Marking.Trim().ToLowerInvariant()) is null)
            errors["marking"] = [$"'{query.Marking}' is not a TLP level (clear, green, amber, amber+strict, red)"];
        if (!string.IsNullOrWhiteSpace(query.Technique) && incidents.FindTechnique(principal, query.Technique) is null)
            errors["technique"] = [$"no DISARM technique '{query.Technique.Trim()}' (ids look like T0049.003)"];

        IReadOnlyList<StixObject> listed = [];
        try
        {
            listed = incidents.List(principal, new IncidentFilter
            {
                Status = Blank(query.Status),
                Category = Blank(query.Category),
                Technique = errors.ContainsKey("technique") ? null : Blank(query.Technique),
                Text = Blank(query.Q),
                Limit = LimitFor(query),
            });
        }
        catch (InputInvalidException e)
        {
            foreach (var (field, messages) in e.Errors)
                errors[field] = messages;
        }
        if (errors.Count > 0)
            return new IncidentResult([], errors, false);

        var attributed = ActorIncidents(principal, Blank(query.Actor));
        var rows = new List<IncidentRow>();
        foreach (var incident in listed)
        {
            var details = IncidentService.DetailsOf(incident);
            var marking = markings.Of(incident);
            if ((attributed is null || attributed.Contains(incident.Id))
                && Matches(query.Platform, details.Platforms)
                && MatchesTarget(query.Target, details)
                && (Blank(query.Marking) is not { } m || string.Equals(TlpMarkings.Tlp2Value(marking.Level), m.Trim(), StringComparison.OrdinalIgnoreCase))
                && InRange(details, from, to))
                rows.Add(RowOf(incident, details, marking));
        }
        rows.Sort((a, b) => string.CompareOrdinal(b.Modified, a.Modified));
        return new IncidentResult(rows, errors, listed.Count >= LimitFor(query));
    }

    public static int LimitFor(IncidentQuery query) => Blank(query.Q) is null ? Limit : SearchLimit;

    public IncidentRow RowOf(StixObject incident) => RowOf(incident, IncidentService.DetailsOf(incident), markings.Of(incident));

    private static IncidentRow RowOf(StixObject incident, IncidentDetails d, ShownMarking marking) => new(
        incident.Id, incident.Name ?? incident.Id, IncidentWorkflow.Name(d.Status), ThreatCategories.Name(d.Category), marking,
        d.FirstSeen, d.LastSeen, d.Platforms, incident.Version?.SortKey ?? "", incident);

    /// <summary>Incidents attributed to the actor, as the principal may see the attributions; null: no actor filter.</summary>
    private HashSet<string>? ActorIncidents(Principal principal, string? actorId)
    {
        if (actorId is null)
            return null;
        return [.. workspace.Relationships(principal, actorId, "attributed-to")
            .Where(r => r.GetString("target_ref") == actorId)
            .Select(r => r.GetString("source_ref") ?? "")];
    }

    private static bool Matches(string? wanted, IReadOnlyList<string> values) =>
        Blank(wanted) is not { } w || values.Any(v => v.Contains(w.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool MatchesTarget(string? wanted, IncidentDetails d) =>
        Blank(wanted) is null
        || Matches(wanted, d.TargetEvents) || Matches(wanted, d.TargetSectors)
        || Matches(wanted, d.TargetLocationRefs) || Matches(wanted, d.TargetIdentityRefs);

    /// <summary>Active in [from, to]: seen on or after 'from' and first seen on or before 'to'. Undated incidents match no date filter.</summary>
    private static bool InRange(IncidentDetails d, string? from, string? to)
    {
        if (from is null && to is null)
            return true;
        var first = DayOf(d.FirstSeen ?? d.LastSeen);
        var last = DayOf(d.LastSeen ?? d.FirstSeen);
        if (first is null || last is null)
            return false;
        return (from is null || string.CompareOrdinal(last, from) >= 0) && (to is null || string.CompareOrdinal(first, to) <= 0);
    }

    private static string? DayOf(string? timestamp) => timestamp is { Length: >= 10 } ? timestamp[..10] : null;

    private static string? Day(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (Blank(value) is not { } text)
            return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        errors[field] = [$"'{text}' is not a date (yyyy-MM-dd)"];
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
