namespace Riposte.Incidents.Services;

/// <summary>A threat assessment as written; null on update means "leave as is".</summary>
public sealed record AssessmentInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Incidents, actors, evidence and anything else the assessment covers (STIX ids).</summary>
    public IReadOnlyList<string>? ObjectRefs { get; init; }

    /// <summary>The overall confidence, 0–100 (shown in estimative language).</summary>
    public int? Confidence { get; init; }
    public IReadOnlyList<KeyJudgement>? KeyJudgements { get; init; }
    public string? Tlp { get; init; }
}

/// <summary>One key judgement and the confidence in it (0–100).</summary>
public sealed record KeyJudgement(string Text, int Confidence);

/// <summary>What a share put into the collection and what it held back, with why.</summary>
public sealed record ShareResult(string CollectionId, string ReportVersion, IReadOnlyList<string> Shared, IReadOnlyList<SkippedObject> Skipped);

public sealed record SkippedObject(string Id, string Reason);

/// <summary>The assessment extension's properties.</summary>
public sealed record AssessmentDetails
{
    /// <summary>draft, reviewed or shared.</summary>
    public string Status { get; init; } = AssessmentStatus.Draft;
    public IReadOnlyList<KeyJudgement> KeyJudgements { get; init; } = [];
    public string? ReviewedBy { get; init; }
    public string? ReviewComment { get; init; }
    public IReadOnlyList<string> SharedTo { get; init; } = [];
}

public static class AssessmentStatus
{
    public const string Draft = "draft";
    public const string Reviewed = "reviewed";
    public const string Shared = "shared";
}
