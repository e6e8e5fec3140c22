using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Stix.Tests.Generators;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

/// <summary>A generated object; printed as its JSON when a property fails.</summary>
public sealed record GeneratedStix(JsonObject Json)
{
    public override string ToString() => Json.ToJsonString();
}

public static class StixArbitraries
{
    public static Arbitrary<GeneratedStix> Objects() => Arb.From(StixGenerators.Any.Select(json => new GeneratedStix(json)));
}

/// <summary>Property-based round trips and verdicts over random valid objects of every type.</summary>
public class StixPropertyTests
{
    public static TheoryData<string> Types => new(StixGenerators.AllTypes);

    [Property(Arbitrary = [typeof(StixArbitraries)], MaxTest = 300)]
    public void RoundTrip_GeneratedObject_IdenticalJsonAndVerdict(GeneratedStix generated)
    {
        // Arrange
        var original = new StixObject(generated.Json);

        // Act
        var json = original.ToJson();
        var parsed = StixObject.Parse(json);

        // Assert: identical JSON, identical data, identical verdict
        Assert.Equal(json, parsed.ToJson());
        Assert.True(JsonNode.DeepEquals(original.Json, parsed.Json));
        Assert.Equal(Describe(StixValidator.Validate(original)), Describe(StixValidator.Validate(parsed)));
        Assert.Equal(original.Modified, parsed.Modified);
    }

    [Property(Arbitrary = [typeof(StixArbitraries)], MaxTest = 300)]
    public void Validate_GeneratedObject_NoErrors(GeneratedStix generated)
    {
        var result = StixValidator.Validate(new StixObject(generated.Json));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Property(Arbitrary = [typeof(StixArbitraries)], MaxTest = 60)]
    public void OasisSchemas_GeneratedObject_NoErrors(GeneratedStix generated)
    {
        var errors = OasisSchemas.Validate(generated.Json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Generator_EveryType_ProducesValidAndSchemaValidObjects(string type)
    {
        // Every type is exercised, whatever the random draw of the properties above.
        foreach (var json in StixGenerators.Of(type).Sample(8, 12))
        {
            var result = StixValidator.Validate(new StixObject(json));
            Assert.True(result.IsValid, json.ToJsonString() + "\n" + string.Join("\n", result.Errors));
            var schemaErrors = OasisSchemas.Validate(json);
            Assert.True(schemaErrors.Count == 0, json.ToJsonString() + "\n" + string.Join("\n", schemaErrors));
        }
    }

    private static string Describe(ValidationResult result) => string.Join("\n", result.Issues);
}
