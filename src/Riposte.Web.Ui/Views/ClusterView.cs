using System.Globalization;
using System.Text.RegularExpressions;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Web.Ui.Views;

/// <summary>A detection cluster in the list.</summary>
public sealed record ClusterRow(string Id, string Name, double? Score, int Accounts, ShownMarking Marking, StixObject Stix);

/// <summary>An account in the network picture.</summary>
public sealed record AccountNode(string Id, string Label, string? Platform);

/// <summary>Two accounts that shared items: <paramref name="Weight"/> is how many.</summary>
public sealed record AccountEdge(string Source, string Target, int Weight);

/// <summary>One strongest shared item (observed-data) of the cluster.</summary>
public sealed record SharedItem(string Signal, int Posts, string? FirstObserved, string? LastObserved, IReadOnlyList<string> Urls, int Accounts);

public sealed record ClusterDetail(ClusterRow Cluster, IReadOnlyList<AccountNode> Accounts, IReadOnlyList<AccountEdge> Edges, IReadOnlyList<SharedItem> Evidence, IReadOnlyList<TechniqueUse> Techniques);

/// <summary>
/// Detection results as <c>riposte detect</c> stores them: groupings labelled <c>candidate-finding</c>
/// with their accounts and observed data, read through the gate. The network links two accounts when
/// they appear in the same shared item.
/// </summary>
public sealed partial class ClusterView(ObjectWorkspace workspace, MarkingView markings)
{
    public const int Limit = 500;

    [GeneratedRegex(@"\(score (?<score>[0-9]+(\.[0-9]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex ScoreText();

    public IReadOnlyList<ClusterRow> List(Principal principal) =>
        [.. workspace.List(principal, new StixQuery { Types = ["grouping"], Label = FindingService.FindingLabel }, limit: Limit)
            .Select(RowOf)
            .OrderByDescending(r => r.Score ?? -1)];

    /// <summary>The cluster, or null when it does not exist or the principal may not see it.</summary>
    public ClusterDetail? Detail(Principal principal, string id)
    {
        if (!StixIds.IsOfType(id, "grouping") || workspace.TryGet(principal, id) is not { } grouping || !grouping.GetStrings("labels").Contains(FindingService.FindingLabel))
            return null;
        var refs = grouping.GetStrings("object_refs").ToList();
        var loaded = workspace.Store.Query(new StixQuery { Ids = refs }).Select(s => s.Object).ToList();
        var visible = workspace.Gate.ForReader(principal, loaded).OfType<StixObject>().ToDictionary(o => o.Id, StringComparer.Ordinal);

        var accounts = visible.Values.Where(o => o.Type == "user-account")
            .Select(a => new AccountNode(a.Id, a.GetString("account_login") ?? a.GetString("user_id") ?? a.Id, a.GetString("account_type")))
            .OrderBy(a => a.Label, StringComparer.Ordinal).ToList();
        var accountIds = accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), int>();
        var evidence = new List<SharedItem>();
        foreach (var observed in visible.Values.Where(o => o.Type == "observed-data"))
        {
            var members = observed.GetStrings("object_refs").Where(accountIds.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                    edges[(members[i], members[j])] = edges.GetValueOrDefault((members[i], members[j])) + 1;
            }
            var urls = observed.GetStrings("object_refs").Where(r => visible.TryGetValue(r, out var o) && o.Type == "url")
                .Select(r => visible[r].GetString("value") ?? r).ToList();
            evidence.Add(new SharedItem(observed.GetStrings("labels").FirstOrDefault() ?? "shared item",
                observed.Json["number_observed"]?.GetValue<int>() ?? 0, observed.GetString("first_observed"), observed.GetString("last_observed"), urls, members.Count));
        }
        var techniques = workspace.Relationships(principal, id, "related-to")
            .Where(r => r.GetString("source_ref") == id)
            .Select(r => workspace.TryGet(principal, r.GetString("target_ref") ?? "") is { Type: "attack-pattern" } p
                ? new TechniqueUse(r.Id, p.Id, p.ExternalIds.FirstOrDefault(), p.Name, r.Description, [])
                : null)
            .OfType<TechniqueUse>().ToList();
        return new ClusterDetail(RowOf(grouping) with { Accounts = accounts.Count }, accounts,
            [.. edges.Select(e => new AccountEdge(e.Key.Item1, e.Key.Item2, e.Value))], evidence, techniques);
    }

    private ClusterRow RowOf(StixObject grouping)
    {
        var match = ScoreText().Match(grouping.Description ?? "");
        double? score = match.Success ? double.Parse(match.Groups["score"].Value, CultureInfo.InvariantCulture) : null;
        var accounts = grouping.GetStrings("object_refs").Count(r => r.StartsWith("user-account--", StringComparison.Ordinal));
        return new ClusterRow(grouping.Id, grouping.Name ?? grouping.Id, score, accounts, markings.Of(grouping), grouping);
    }
}
