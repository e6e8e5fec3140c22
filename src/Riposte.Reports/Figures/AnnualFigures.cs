using Riposte.Reports.Data;

namespace Riposte.Reports.Figures;

/// <summary>Computes every section of the annual report from the data one reader may see.</summary>
public static class AnnualFigures
{
    public static AnnualReportModel Compute(ReportData data, int year, ReportEdition edition, string title, string audience, IReadOnlyDictionary<string, string>? tiers = null)
    {
        var c = new FigureContext(data, year, tiers);
        IReadOnlyList<ReportSection> sections =
        [
            ActivitySections.Monthly(c),
            ActivitySections.Categories(c),
            ThreatSections.Actors(c),
            ThreatSections.Targets(c),
            ThreatSections.Platforms(c),
            ThreatSections.Techniques(c),
            ActivitySections.Languages(c),
            ActivitySections.Narratives(c),
            ActivitySections.Events(c),
            ThreatSections.Volumes(c),
            ResponseSections.Responses(c),
            ResponseSections.Mechanism(c),
            ResponseSections.YearOnYear(c),
        ];
        var responses = c.ResponsesTo(c.Incidents);
        IReadOnlyList<Headline> headlines =
        [
            new("Incidents", Format.N(c.Incidents.Count)),
            new("Change from last year", Format.Change(c.Previous.Count, c.Incidents.Count)),
            new("Responses", Format.N(responses.Count)),
            new("Attributed to an actor", Format.Share(c.Incidents.Count(i => c.Attributions.ContainsKey(i.Id)), c.Incidents.Count)),
        ];
        return new AnnualReportModel(year, edition, title, audience, headlines, sections);
    }
}
