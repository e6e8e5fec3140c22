using Riposte.Incidents.Model;
using Riposte.Taxonomy;

namespace Riposte.Reports.Figures;

/// <summary>Who and where: actors, targets, platforms and channels, volumes, DISARM techniques.</summary>
internal static class ThreatSections
{
    public static ReportSection Actors(FigureContext c)
    {
        var incidents = new Tally();
        var confidences = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var unattributed = 0;
        foreach (var i in c.Incidents)
        {
            if (!c.Attributions.TryGetValue(i.Id, out var rels))
            {
                unattributed++;
                continue;
            }
            foreach (var group in rels.GroupBy(r => r.GetString("target_ref")!, StringComparer.Ordinal))
            {
                var actor = c.Data.Get(group.Key)!;
                var name = actor.Name ?? actor.Id;
                incidents.Add(name);
                types[name] = actor.Type;
                if (!confidences.TryGetValue(name, out var list))
                    confidences[name] = list = [];
                list.Add(group.Max(r => r.Confidence ?? 0));
            }
        }
        var table = new ReportTable("Incidents by actor, with the median attribution confidence", ["Actor", "Type", "Incidents", "Median confidence", "In words (STIX appendix A)"],
            [.. incidents.Ranked().Select(p =>
            {
                var median = (int)Math.Round(Format.Median(confidences[p.Key]), MidpointRounding.AwayFromZero);
                return SectionKit.Row(p.Key, types[p.Key], Format.N(p.Value), Format.N(median), EstimativeLanguage.Wep(median));
            }),
             SectionKit.Row("Not attributed", "", Format.N(unattributed), "", "")]);
        return new ReportSection("actors", "By actor, with attribution confidence",
            $"{Format.N(c.Incidents.Count - unattributed)} of {Format.N(c.Incidents.Count)} incidents are attributed to a threat actor or intrusion set.",
            SectionKit.Bars("actors", "Incidents by actor", incidents, "incidents"), [table]);
    }

    public static ReportSection Targets(FigureContext c)
    {
        var countries = new Tally();
        var sectors = new Tally();
        var organisations = new HashSet<string>(StringComparer.Ordinal);
        var people = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in c.Incidents)
        {
            countries.AddDistinct(c.Resolve(i.Details.TargetLocationRefs).Select(l => l.Name ?? l.Id));
            sectors.AddDistinct(i.Details.TargetSectors);
            foreach (var identity in c.Resolve(i.Details.TargetIdentityRefs))
                (identity.GetString("identity_class") == "individual" ? people : organisations).Add(identity.Id);
        }
        var summary = new ReportTable("Organisations and people targeted", ["Targets", "Distinct"],
            [SectionKit.Row("Organisations", Format.N(organisations.Count)), SectionKit.Row("People", Format.N(people.Count))]);
        return new ReportSection("targets", "Targets",
            $"Countries, organisations ({Format.N(organisations.Count)}) and people ({Format.N(people.Count)}) targeted, and their sectors.",
            SectionKit.Bars("target-countries", "Incidents by target country", countries, "incidents"),
            [SectionKit.RankedTable("Incidents by target country", "Country", countries, "Incidents", c.Incidents.Count), summary,
             SectionKit.RankedTable("Incidents by target sector", "Sector", sectors, "Incidents", c.Incidents.Count)]);
    }

    public static ReportSection Platforms(FigureContext c)
    {
        var platforms = new Tally();
        var channels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var i in c.Incidents)
        {
            platforms.AddDistinct(i.Details.Platforms);
            foreach (var channel in c.Resolve(i.Details.ChannelRefs))
            {
                var platform = channel.GetString("platform") ?? "unknown";
                if (!channels.TryGetValue(platform, out var set))
                    channels[platform] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(channel.Id);
            }
        }
        var table = new ReportTable("Share of incidents per platform, and the channels used on each", ["Platform", "Incidents", "Share of incidents", "Channels"],
            [.. platforms.Ranked().Select(p => SectionKit.Row(p.Key, Format.N(p.Value), Format.Share(p.Value, c.Incidents.Count), Format.N(channels.GetValueOrDefault(p.Key)?.Count ?? 0)))]);
        return new ReportSection("platforms", "Platforms and channels", "Where the activity took place; an incident on several platforms counts for each.",
            SectionKit.Bars("platforms", "Incidents by platform", platforms, "incidents"), [table]);
    }

    public static ReportSection Volumes(FigureContext c)
    {
        var items = new Tally();
        var channels = new HashSet<string>(StringComparer.Ordinal);
        var itemCount = 0;
        foreach (var i in c.Incidents)
        {
            foreach (var channel in c.Resolve(i.Details.ChannelRefs))
                channels.Add(channel.Id);
            foreach (var item in i.Details.Evidence.Where(e => e.Kind is "post" or "archive" or "link"))
            {
                itemCount++;
                var colon = item.Ref.IndexOf(':', StringComparison.Ordinal);
                items.Add(item.Kind == "post" && colon > 0 ? item.Ref[..colon] : item.Kind);
            }
        }
        return new ReportSection("volumes", "Volumes", $"{Format.N(channels.Count)} distinct channels and {Format.N(itemCount)} items of content (posts, archived items and links kept as evidence).",
            SectionKit.Bars("content-items", "Items of content by platform", items, "items"),
            [new ReportTable("Volumes", ["Measure", "Count"], [SectionKit.Row("Channels", Format.N(channels.Count)), SectionKit.Row("Items of content", Format.N(itemCount))]),
             SectionKit.RankedTable("Items of content by platform", "Platform", items, "Items", itemCount)]);
    }

    public static ReportSection Techniques(FigureContext c)
    {
        var disarm = DisarmFramework.Embedded;
        var counts = new Tally();
        foreach (var i in c.Incidents)
        {
            if (c.Uses.TryGetValue(i.Id, out var rels))
                counts.AddDistinct(rels.Select(r => c.Data.Get(r.GetString("target_ref"))!.ExternalIds.FirstOrDefault(x => disarm.FindTechnique(x) is not null)).OfType<string>());
        }
        var cells = counts.Ranked().Select(p => (Technique: disarm.FindTechnique(p.Key)!, p.Value))
            .Select(x => (x.Technique, Tactic: disarm.FindTactic(x.Technique.TacticId), x.Value))
            .OrderBy(x => x.Tactic?.Rank ?? int.MaxValue).ThenByDescending(x => x.Value).ThenBy(x => x.Technique.Id, StringComparer.Ordinal)
            .ToList();
        var points = cells.Select(x => new ChartPoint(x.Technique.Id, x.Value, Group: x.Tactic is null ? x.Technique.TacticId : $"{x.Tactic.Id} {x.Tactic.Name}", Title: x.Technique.Name)).ToList();
        var top = string.Join("; ", counts.Ranked().Take(5).Select(p => $"{p.Key} {disarm.FindTechnique(p.Key)!.Name}: {Format.N(p.Value)}"));
        var alt = $"Heat map of DISARM techniques observed, one row per tactic in kill-chain order, darker cells for more incidents. Most used: {top}. The table below gives every value.";
        var chart = new ChartSpec("disarm-heatmap", "DISARM tactics × techniques", ChartKind.HeatMap, alt, points, "incidents");
        var table = new ReportTable("DISARM techniques observed, by tactic", ["Tactic", "Technique", "Name", "Incidents"],
            [.. points.Select(p => SectionKit.Row(p.Group!, p.Label, p.Title!, Format.N((long)p.Value)))]);
        return new ReportSection("techniques", "DISARM techniques", $"{Format.N(counts.Count)} DISARM techniques were observed (the uses relationships of the year's incidents to DISARM attack-patterns).", chart, [table]);
    }
}
