using System.Globalization;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Storage.Federation;

namespace Riposte.Web.Ui.Views;

/// <summary>Incidents first seen in one ISO week.</summary>
public sealed record WeekCount(string Week, DateOnly Monday, int Count);

/// <summary>A peer as the dashboard shows it: whether sharing with it works.</summary>
public sealed record PeerLine(string Name, string Url, DateTimeOffset? LastContact, string? LastError, long Applied, long Rejected, bool Push);

public sealed record Dashboard(
    IReadOnlyList<IncidentRow> Recent, int VisibleIncidents, IReadOnlyList<WeekCount> Weeks,
    IReadOnlyList<StixObject> OpenResponses, IReadOnlyList<PeerLine>? Peers);

/// <summary>The dashboard: only what the principal may see; peers only for the node's own organisation.</summary>
public sealed class DashboardView(IncidentFinder finder, ResponseService responses, IFederationRepository federation, IOptions<AccessOptions> access, TimeProvider clock)
{
    public const int RecentCount = 8;
    public const int WeekCount = 12;
    private static readonly string[] OpenStatuses = ["planned", "in-progress"];

    public Dashboard Build(Principal principal)
    {
        var all = finder.Find(principal, new IncidentQuery()).Rows;
        var open = responses.List(principal, null, null, 200)
            .Where(r => OpenStatuses.Contains(r.GetString("status") ?? "planned"))
            .ToList();
        var peers = string.Equals(principal.OrganizationId, access.Value.NodeOrganizationId, StringComparison.Ordinal)
            ? federation.ListPeers().Select(p =>
            {
                var s = federation.GetStatus(p.Name);
                return new PeerLine(p.Name, p.Url, s.LastContact, s.LastError, s.Applied, s.Rejected, p.Push);
            }).ToList()
            : null;
        return new Dashboard([.. all.Take(RecentCount)], all.Count, Weeks(all, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), open, peers);
    }

    /// <summary>The last <see cref="WeekCount"/> ISO weeks up to today, counting incidents by first seen (else created).</summary>
    public static IReadOnlyList<WeekCount> Weeks(IReadOnlyList<IncidentRow> rows, DateOnly today)
    {
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var counts = new Dictionary<DateOnly, int>();
        foreach (var row in rows)
        {
            var seen = row.FirstSeen ?? row.Stix.Created?.Text;
            if (seen is null || !DateOnly.TryParseExact(seen[..Math.Min(10, seen.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                continue;
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            counts[monday] = counts.GetValueOrDefault(monday) + 1;
        }
        return [.. Enumerable.Range(0, WeekCount).Reverse().Select(i =>
        {
            var monday = thisMonday.AddDays(-7 * i);
            var iso = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}");
            return new WeekCount(iso, monday, counts.GetValueOrDefault(monday));
        })];
    }
}
