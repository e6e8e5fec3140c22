using System.Text.Json.Nodes;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

/// <summary>The OASIS example bundles (shared/data/stix2-json-schemas/examples) through our validator and the OASIS schemas.</summary>
public class OasisExamplesTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var root = TestPaths.SharedFile("data", "stix2-json-schemas", "examples");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    private static JsonObject Load(string relative) =>
        JsonNode.Parse(File.ReadAllText(TestPaths.SharedFile("data", "stix2-json-schemas", "examples", relative)))!.AsObject();

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Validate_OasisExample_NoErrors(string file)
    {
        // Arrange
        var bundle = Load(file);

        // Act
        var result = StixValidator.Validate(new StixObject(bundle));

        // Assert: the examples are valid STIX 2.1; their warnings (SHOULD advice) are listed in the test output.
        foreach (var warning in result.Warnings)
            TestContext.Current.TestOutputHelper?.WriteLine(warning.ToString());
        Assert.True(result.IsValid, file + ":\n" + string.Join("\n", result.Errors));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void OasisSchemas_OasisExample_NoErrors(string file) =>
        Assert.Empty(OasisSchemas.Validate(Load(file)));

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void RoundTrip_OasisExample_IdenticalJson(string file)
    {
        var text = File.ReadAllText(TestPaths.SharedFile("data", "stix2-json-schemas", "examples", file));
        var once = StixObject.Parse(text).ToJson();
        Assert.Equal(once, StixObject.Parse(once).ToJson());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(once)));
    }
}
