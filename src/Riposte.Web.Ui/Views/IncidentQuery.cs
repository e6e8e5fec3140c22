namespace Riposte.Web.Ui.Views;

/// <summary>
/// What the incident list, the navigator and the dashboard filter by, as the query string carries it.
/// Every filter is optional; all combine with AND. Dates are calendar days (yyyy-MM-dd, UTC).
/// </summary>
public sealed record IncidentQuery
{
    public string? Q { get; init; }
    public string? Category { get; init; }
    public string? Status { get; init; }

    /// <summary>A threat-actor or intrusion-set id the incident is attributed to.</summary>
    public string? Actor { get; init; }

    /// <summary>A DISARM technique id (T0049.003).</summary>
    public string? Technique { get; init; }

    /// <summary>A platform word as incidents record it (telegram, x, facebook…).</summary>
    public string? Platform { get; init; }

    /// <summary>Words matched against the targets: events, sectors, location and identity ids.</summary>
    public string? Target { get; init; }

    /// <summary>A TLP 2.0 level (clear, green, amber, amber+strict, red).</summary>
    public string? Marking { get; init; }

    /// <summary>Incidents active on or after this day (last seen, else first seen).</summary>
    public string? From { get; init; }

    /// <summary>Incidents active on or before this day (first seen, else last seen).</summary>
    public string? To { get; init; }

    public bool IsEmpty => this == new IncidentQuery();

    /// <summary>The filters as a query string (without '?'), to carry them between the list and the navigator.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("q", Q);
        Add("category", Category);
        Add("status", Status);
        Add("actor", Actor);
        Add("technique", Technique);
        Add("platform", Platform);
        Add("target", Target);
        Add("marking", Marking);
        Add("from", From);
        Add("to", To);
        return string.Join('&', parts);
    }
}
