using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Taxonomy;

namespace Riposte.Web.Ui.Views;

/// <summary>A technique's cell: how many of the selected incidents use it (sub-techniques counted in their parent too).</summary>
public sealed record TechniqueCell(DisarmTechnique Technique, int Count, int Heat, IReadOnlyList<TechniqueCell> Subtechniques);

/// <summary>One column of the Red matrix.</summary>
public sealed record TacticColumn(DisarmTactic Tactic, IReadOnlyList<TechniqueCell> Techniques);

/// <summary>The heat map for a query: the matrix, the incidents it counted and any filter errors.</summary>
public sealed record Heatmap(IReadOnlyList<TacticColumn> Columns, int Incidents, int Max, IncidentResult Selection);

/// <summary>
/// The DISARM navigator: the Red matrix (tactics in kill-chain order) with, per technique, the number
/// of incidents the filter selects that use it. Only incidents and <c>uses</c> relationships the gate
/// shows the principal are counted.
/// </summary>
public sealed class NavigatorView(IncidentFinder finder, ObjectWorkspace workspace)
{
    public const int HeatLevels = 5;
    private static readonly Lazy<Dictionary<string, DisarmTechnique>> ByStixId =
        new(() => DisarmFramework.Embedded.Techniques.ToDictionary(t => t.StixId, StringComparer.Ordinal));

    public static DisarmFramework Framework => DisarmFramework.Embedded;

    public Heatmap Build(Principal principal, IncidentQuery query)
    {
        var selection = finder.Find(principal, query);
        var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // One store query per 500 selected incidents, not one per incident.
        foreach (var rel in workspace.RelationshipsFrom(principal, [.. selection.Rows.Select(r => r.Id)], "uses"))
        {
            if (rel.GetString("source_ref") is not { } source || rel.GetString("target_ref") is not { } target
                || !ByStixId.Value.TryGetValue(target, out var technique))
                continue;
            if (!used.TryGetValue(source, out var techniques))
                used[source] = techniques = new HashSet<string>(StringComparer.Ordinal);
            techniques.Add(technique.Id);
            if (technique.ParentId is { } parent)
                techniques.Add(parent);
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in used.Values.SelectMany(t => t))
            counts[id] = counts.GetValueOrDefault(id) + 1;
        var max = counts.Count == 0 ? 0 : counts.Values.Max();
        var columns = Framework.Tactics.OrderBy(t => t.Rank)
            .Select(tactic => new TacticColumn(tactic, [.. Framework.TechniquesOfTactic(tactic.Id, includeSubtechniques: false)
                .Select(t => Cell(t, counts, max, [.. Framework.SubtechniquesOf(t.Id).Select(s => Cell(s, counts, max, []))]))]))
            .ToList();
        return new Heatmap(columns, selection.Rows.Count, max, selection);
    }

    /// <summary>Blue counters DISARM links to a technique (valid links only); show <see cref="DisarmText.EthicsCaution"/> with them.</summary>
    public static IReadOnlyList<DisarmCounter> CountersFor(string techniqueId) => Framework.CountersForTechnique(techniqueId);

    /// <summary>0 for none, else 1..HeatLevels relative to the busiest technique.</summary>
    public static int HeatOf(int count, int max) => count <= 0 || max <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling(count * (double)HeatLevels / max));

    private static TechniqueCell Cell(DisarmTechnique technique, Dictionary<string, int> counts, int max, IReadOnlyList<TechniqueCell> subs)
    {
        var count = counts.GetValueOrDefault(technique.Id);
        return new TechniqueCell(technique, count, HeatOf(count, max), subs);
    }
}
