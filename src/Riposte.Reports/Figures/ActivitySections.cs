using System.Globalization;
using Riposte.Incidents.Model;

namespace Riposte.Reports.Figures;

/// <summary>What happened: incidents over the year, their categories, languages, narratives and the events they aimed at.</summary>
internal static class ActivitySections
{
    public static ReportSection Monthly(FigureContext c)
    {
        var now = new int[12];
        var before = new int[12];
        foreach (var i in c.Incidents)
            now[i.FirstSeen.UtcDateTime.Month - 1]++;
        foreach (var i in c.Previous)
            before[i.FirstSeen.UtcDateTime.Month - 1]++;
        var months = Enumerable.Range(1, 12).Select(m => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m)).ToArray();
        var points = months.Select((m, k) => new ChartPoint(m, now[k], before[k])).ToList();
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var previous = (c.Year - 1).ToString(CultureInfo.InvariantCulture);
        var alt = $"Column chart of incidents per month in {year}, beside {previous}. " +
            string.Join("; ", points.Select(p => $"{p.Label} {Format.N((long)p.Value)} ({Format.N((long)p.Previous!)})")) + ".";
        var chart = new ChartSpec("incidents-by-month", "Incidents per month", ChartKind.Columns, alt, points, "incidents", previous, year);
        var table = new ReportTable("Incidents per month (first seen)", ["Month", year, previous, "Change"],
            [.. points.Select((p, k) => SectionKit.Row(p.Label, Format.N(now[k]), Format.N(before[k]), Format.Change(before[k], now[k]))),
             SectionKit.Row("Total", Format.N(c.Incidents.Count), Format.N(c.Previous.Count), Format.Change(c.Previous.Count, c.Incidents.Count))]);
        return new ReportSection("incidents", "Incidents in total and per month",
            $"{Format.N(c.Incidents.Count)} incidents were first seen in {year} ({Format.N(c.Previous.Count)} in {previous}).", chart, [table]);
    }

    public static ReportSection Categories(FigureContext c)
    {
        var categories = new Tally();
        var subcategories = new Tally();
        foreach (var i in c.Incidents)
        {
            var category = ThreatCategories.Name(i.Details.Category);
            categories.Add(category);
            foreach (var sub in i.Details.Subcategories.Distinct(StringComparer.Ordinal))
                subcategories.Add(category + " / " + sub);
        }
        var chart = SectionKit.Bars("categories", "Incidents by threat category", categories, "incidents");
        var total = c.Incidents.Count;
        return new ReportSection("categories", "By category",
            "The mechanism's three threats; an incident has one category and may have several subcategories.", chart,
            [SectionKit.RankedTable("Incidents by category", "Category", categories, "Incidents", total),
             SectionKit.RankedTable("Incidents by subcategory", "Category / subcategory", subcategories, "Incidents", total)]);
    }

    public static ReportSection Languages(FigureContext c)
    {
        var languages = new Tally();
        foreach (var i in c.Incidents)
            languages.AddDistinct(i.Details.Languages);
        return new ReportSection("languages", "Languages", "Languages of the content, per incident (an incident in two languages counts for each).",
            SectionKit.Bars("languages", "Incidents by language", languages, "incidents"),
            [SectionKit.RankedTable("Incidents by language (RFC 5646 tag)", "Language", languages, "Incidents", c.Incidents.Count)]);
    }

    public static ReportSection Narratives(FigureContext c)
    {
        var narratives = new Tally();
        foreach (var i in c.Incidents)
            narratives.AddDistinct(c.Resolve(i.Details.NarrativeRefs).Select(n => n.Name ?? n.Id));
        return new ReportSection("narratives", "Narratives, ranked", "The stories incidents pushed, by the number of incidents that carried them.",
            SectionKit.Bars("narratives", "Top narratives", narratives, "incidents"),
            [SectionKit.RankedTable("Narratives by incidents", "Narrative", narratives, "Incidents", c.Incidents.Count)]);
    }

    public static ReportSection Events(FigureContext c)
    {
        var events = new Tally();
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var i in c.Incidents.OrderBy(i => i.FirstSeen).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            foreach (var e in i.Details.TargetEvents.Distinct(StringComparer.Ordinal))
            {
                events.Add(e);
                if (!names.TryGetValue(e, out var list))
                    names[e] = list = [];
                list.Add(i.Stix.Name ?? i.Id);
            }
        }
        var table = new ReportTable("Elections and major events, with their incidents", ["Event", "Incidents", "First incidents (by first seen)"],
            [.. events.Ranked().Select(p => SectionKit.Row(p.Key, Format.N(p.Value), string.Join("; ", names[p.Key].Take(3))))]);
        return new ReportSection("events", "Elections and major events", "Incidents that targeted a named election or event.",
            SectionKit.Bars("events", "Incidents per election or event", events, "incidents"), [table]);
    }
}
