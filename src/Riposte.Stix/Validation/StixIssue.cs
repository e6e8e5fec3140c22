namespace Riposte.Stix.Validation;

public enum IssueSeverity
{
    Warning,
    Error,
}

/// <summary>One problem found in an object, with the JSON path to where it is (e.g. <c>$.external_references[2].url</c>).</summary>
public sealed record StixIssue(IssueSeverity Severity, string Path, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} at {Path}: {Message}";
}

public sealed record ValidationResult(IReadOnlyList<StixIssue> Issues)
{
    public static readonly ValidationResult Valid = new([]);

    /// <summary>False when the object could not even be read as one JSON object (e.g. a property name twice).</summary>
    public bool IsReadable { get; init; } = true;

    public bool IsValid => !Issues.Any(i => i.Severity == IssueSeverity.Error);
    public IEnumerable<StixIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
    public IEnumerable<StixIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);
}
