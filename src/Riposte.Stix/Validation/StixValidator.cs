namespace Riposte.Stix.Validation;

/// <summary>Validates one STIX 2.1 object against the specification. Pure: no I/O, no store.</summary>
public static class StixValidator
{
    public static ValidationResult Validate(StixObject obj)
    {
        // Filled in by the validation work: required properties, ids, timestamps, references, vocabularies.
        var issues = new List<StixIssue>();
        if (obj.Type.Length == 0)
            issues.Add(new StixIssue(IssueSeverity.Error, "$.type", "required property 'type' is missing"));
        if (obj.Id.Length == 0)
            issues.Add(new StixIssue(IssueSeverity.Error, "$.id", "required property 'id' is missing"));
        return new ValidationResult(issues);
    }
}
