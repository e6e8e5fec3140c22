using Riposte.Detection.Graph;

namespace Riposte.Detection.Scoring;

/// <summary>
/// Peels the periphery off a community: modularity happily attaches an organic account to a
/// campaign through one weak edge (a shared viral post). A member stays only while it has at least
/// two links inside and an internal strength of at least a fraction of the median member's.
/// </summary>
internal static class ClusterCore
{
    public static List<int> Peel(WeightedGraph g, List<int> nodes, double fractionOfMedian)
    {
        var members = new HashSet<int>(nodes);
        while (members.Count > 0)
        {
            var strength = new Dictionary<int, (double Weight, int Links)>(members.Count);
            foreach (var i in members)
            {
                var w = 0.0;
                var links = 0;
                for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
                {
                    if (members.Contains(g.Targets[e]))
                    {
                        w += g.Weights[e];
                        links++;
                    }
                }
                strength[i] = (w, links);
            }
            var sorted = strength.Values.Select(s => s.Weight).Order().ToList();
            var median = sorted[sorted.Count / 2];
            var weak = strength.Where(kv => kv.Value.Links < 2 || kv.Value.Weight < fractionOfMedian * median).Select(kv => kv.Key).ToList();
            if (weak.Count == 0)
                break;
            members.ExceptWith(weak);
        }
        return [.. nodes.Where(members.Contains)];
    }
}
