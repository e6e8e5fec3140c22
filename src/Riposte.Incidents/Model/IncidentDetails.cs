namespace Riposte.Incidents.Model;

/// <summary>
/// The Riposte incident extension's properties (see docs/incidents.md#incident-extension). Lists
/// are never null so callers need no checks; empty lists are omitted when written.
/// </summary>
public sealed record IncidentDetails
{
    public ThreatCategory Category { get; init; }
    public IReadOnlyList<string> Subcategories { get; init; } = [];
    public IncidentStatus Status { get; init; } = IncidentStatus.Draft;
    public string? FirstSeen { get; init; }
    public string? LastSeen { get; init; }

    /// <summary>Countries and regions: <c>location</c> ids.</summary>
    public IReadOnlyList<string> TargetLocationRefs { get; init; } = [];

    /// <summary>Elections and events, by name (e.g. "2026 parliamentary election").</summary>
    public IReadOnlyList<string> TargetEvents { get; init; } = [];

    /// <summary>Organisations and people: <c>identity</c> ids.</summary>
    public IReadOnlyList<string> TargetIdentityRefs { get; init; } = [];

    /// <summary>STIX industry-sector-ov values, or other lower-case sector names.</summary>
    public IReadOnlyList<string> TargetSectors { get; init; } = [];

    public IReadOnlyList<string> Platforms { get; init; } = [];
    public IReadOnlyList<string> ChannelRefs { get; init; } = [];
    public IReadOnlyList<string> NarrativeRefs { get; init; } = [];

    /// <summary>Accounts involved (<c>user-account</c> or <c>identity</c> ids), e.g. from a detection cluster.</summary>
    public IReadOnlyList<string> AccountRefs { get; init; } = [];

    /// <summary>RFC 5646 language tags.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>FIMI criterion name → judgement.</summary>
    public IReadOnlyDictionary<string, CriterionJudgement> Criteria { get; init; } = new Dictionary<string, CriterionJudgement>();

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public string? Impact { get; init; }

    /// <summary>The detection grouping this incident was created from, if any.</summary>
    public string? SourceFindingRef { get; init; }

    /// <summary>True when every FIMI criterion has been judged met.</summary>
    public bool AllCriteriaMet => Enum.GetValues<FimiCriterion>().All(c => Criteria.TryGetValue(FimiCriteria.Name(c), out var j) && j.Met);
}
