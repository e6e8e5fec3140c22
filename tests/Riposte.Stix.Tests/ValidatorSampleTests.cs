using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

public class ValidatorSampleTests
{
    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_SpecLikeSample_HasNoIssues(string type)
    {
        // Arrange
        var obj = new StixObject(Samples.Of(type));

        // Act
        var result = StixValidator.Validate(obj);

        // Assert
        Assert.True(result.Issues.Count == 0, string.Join("\n", result.Issues));
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void OasisSchemas_SpecLikeSample_IsSchemaValid(string type)
    {
        var errors = OasisSchemas.Validate(Samples.Of(type));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
