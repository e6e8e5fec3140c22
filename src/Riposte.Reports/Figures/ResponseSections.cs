using Riposte.Incidents.Model;
using Riposte.Stix;

namespace Riposte.Reports.Figures;

/// <summary>What members did: responses, counters, outcomes, time to sharing, the mechanism's own activity, and the change from last year.</summary>
internal static class ResponseSections
{
    public static ReportSection Responses(FigureContext c)
    {
        var responses = c.ResponsesTo(c.Incidents);
        var kinds = new Tally();
        var coordinated = new Tally();
        var counters = new Tally();
        var outcomes = new Tally();
        foreach (var r in responses)
        {
            var kind = r.GetString("response_kind") ?? "unspecified";
            kinds.Add(kind);
            if (IsCoordinated(r))
                coordinated.Add(kind);
            foreach (var counter in c.Resolve(r.GetStrings("counter_refs")))
                counters.Add($"{counter.ExternalIds.FirstOrDefault() ?? counter.Id} {counter.Name}");
            if (r.GetString("outcome") is { } outcome)
                outcomes.Add(outcome);
        }
        var sharingDays = new List<double>();
        var buckets = new Tally();
        foreach (var i in c.Incidents)
        {
            if (!c.FirstShared.TryGetValue(i.Id, out var shared))
                continue;
            var days = Math.Max(0, (shared - i.Detected).TotalDays);
            sharingDays.Add(days);
            buckets.Add(days <= 7 ? "0-7 days" : days <= 14 ? "8-14 days" : days <= 30 ? "15-30 days" : "over 30 days");
        }
        var kindTable = new ReportTable("Responses by kind", ["Kind", "Responses", "Coordinated (several members)", "Share"],
            [.. kinds.Ranked().Select(p => SectionKit.Row(p.Key, Format.N(p.Value), Format.N(coordinated[p.Key]), Format.Share(p.Value, responses.Count)))]);
        var sharing = new ReportTable(
            $"Time from detection to sharing (median {Format.D1(Format.Median(sharingDays))} days over {Format.N(sharingDays.Count)} shared incidents)",
            ["Time to sharing", "Incidents"],
            [.. new[] { "0-7 days", "8-14 days", "15-30 days", "over 30 days" }.Select(b => SectionKit.Row(b, Format.N(buckets[b])))]);
        return new ReportSection("responses", "Responses",
            $"{Format.N(responses.Count)} responses to the year's incidents, {Format.N(coordinated.Total)} of them coordinated by several members.",
            SectionKit.Bars("responses", "Responses by kind", kinds, "responses"),
            [kindTable,
             SectionKit.RankedTable("DISARM counters applied", "Counter", counters, "Responses", responses.Count),
             SectionKit.RankedTable("Outcomes of completed responses", "Outcome", outcomes, "Responses", outcomes.Total),
             sharing]);
    }

    public static ReportSection Mechanism(FigureContext c)
    {
        var incidents = new Tally();
        var led = new Tally();
        var joined = new Tally();
        var assessments = new Tally();
        foreach (var i in c.Incidents)
            incidents.Add(OrganisationOf(c, i.Stix.CreatedByRef));
        foreach (var r in c.ResponsesTo(c.Incidents))
        {
            led.Add(OrganisationOf(c, r.GetString("owner_ref")));
            foreach (var p in c.Resolve(r.GetStrings("participant_refs")).Where(p => p.Id != r.GetString("owner_ref")))
                joined.Add(OrganisationOf(c, p.Id));
        }
        foreach (var report in c.Data.OfType("report").Where(r => r.Labels.Contains("fimi-assessment")))
        {
            if (StixTimestamp.TryParse(report.GetString("published"), out var published) && published.Value.UtcDateTime.Year == c.Year)
                assessments.Add(OrganisationOf(c, report.CreatedByRef));
        }
        var shared = new Tally();
        foreach (var t in new[] { incidents, led, joined, assessments })
        {
            foreach (var (name, count) in t.Ranked())
                shared.Add(name, count);
        }
        var table = new ReportTable("What each organisation contributed", ["Organisation", "Tier", "Incidents reported", "Responses led", "Responses joined", "Assessments published"],
            [.. shared.Ranked().Select(p => SectionKit.Row(p.Key, TierOf(c, p.Key), Format.N(incidents[p.Key]), Format.N(led[p.Key]), Format.N(joined[p.Key]), Format.N(assessments[p.Key])))]);
        var members = c.Tiers.Values.Count(t => t == "member");
        var partners = c.Tiers.Values.Count(t => t == "partner");
        return new ReportSection("mechanism", "The mechanism's own activity",
            $"{Format.N(members)} members and {Format.N(partners)} partners; what each reported, led, joined and published in the year.",
            SectionKit.Bars("contributions", "Contributions by organisation", shared, "contributions"), [table]);
    }

    public static ReportSection YearOnYear(FigureContext c)
    {
        var previous = c.Year - 1;
        IReadOnlyList<(string Label, int Before, int Now)> rows =
        [
            ("Incidents", c.Previous.Count, c.Incidents.Count),
            .. Enum.GetValues<ThreatCategory>().Select(k => (ThreatCategories.Name(k), c.Previous.Count(i => i.Details.Category == k), c.Incidents.Count(i => i.Details.Category == k))),
            ("Responses", c.ResponsesTo(c.Previous).Count, c.ResponsesTo(c.Incidents).Count),
            ("Coordinated responses", c.ResponsesTo(c.Previous).Count(IsCoordinated), c.ResponsesTo(c.Incidents).Count(IsCoordinated)),
            ("Attributed incidents", c.Previous.Count(i => c.Attributions.ContainsKey(i.Id)), c.Incidents.Count(i => c.Attributions.ContainsKey(i.Id))),
        ];
        var points = rows.Select(r => new ChartPoint(r.Label, r.Now, r.Before)).ToList();
        var y = c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var p = previous.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var alt = $"Column chart comparing {p} and {y}. " + string.Join("; ", rows.Select(r => $"{r.Label} {Format.N(r.Before)} to {Format.N(r.Now)}")) + ".";
        var table = new ReportTable($"Change from {p} to {y}", ["Measure", p, y, "Change"],
            [.. rows.Select(r => SectionKit.Row(r.Label, Format.N(r.Before), Format.N(r.Now), Format.Change(r.Before, r.Now)))]);
        var summary = c.Previous.Count == 0
            ? $"No incidents of {p} are in the data, so there is no change to show."
            : $"Incidents changed by {Format.Change(c.Previous.Count, c.Incidents.Count)} from {p}.";
        return new ReportSection("change", "Change from the previous year", summary,
            new ChartSpec("year-on-year", $"{p} and {y} compared", ChartKind.Columns, alt, points, "count", p, y), [table]);
    }

    private static bool IsCoordinated(StixObject response) =>
        response.GetStrings("participant_refs").Append(response.GetString("owner_ref") ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Count() >= 2;

    private static string OrganisationOf(FigureContext c, string? id) => c.Data.NameOf(id) ?? "Other organisations";

    private static string TierOf(FigureContext c, string name)
    {
        var identity = c.Data.OfType("identity").FirstOrDefault(i => i.Name == name);
        return identity is not null && c.Tiers.TryGetValue(identity.Id, out var tier) ? tier : "";
    }
}
