namespace Riposte.Incidents.Services;

/// <summary>Filters for listing incidents; all combine with AND, null means "any".</summary>
public sealed record IncidentFilter
{
    public string? Status { get; init; }
    public string? Category { get; init; }

    /// <summary>A DISARM technique id (e.g. T0049.003) the incident uses.</summary>
    public string? Technique { get; init; }

    /// <summary>Full-text search over names, descriptions and other text.</summary>
    public string? Text { get; init; }

    public int Limit { get; init; } = 100;
}
