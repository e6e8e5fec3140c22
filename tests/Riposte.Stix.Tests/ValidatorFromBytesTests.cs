using System.Text;
using System.Text.Json;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

/// <summary>The validator reads an object's bytes as received: what a JSON tree refused must still be refused.</summary>
public class ValidatorFromBytesTests
{
    private const string Identity =
        """{"type":"identity","spec_version":"2.1","id":"identity--00000000-0000-4000-8000-000000000001","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"A"}""";

    private static StixObject Lazy(string json) => StixObject.FromUtf8(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Validate_BytesOfAValidObject_SameAsItsTree()
    {
        Assert.True(StixValidator.Validate(Lazy(Identity)).IsValid);
        Assert.True(StixValidator.Validate(StixObject.Parse(Identity)).IsValid);
    }

    [Fact]
    public void Validate_DuplicatePropertyName_UnreadableErrorAtRoot()
    {
        var result = StixValidator.Validate(Lazy(Identity.Replace("\"name\":\"A\"", "\"name\":\"A\",\"name\":\"B\"", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("not a readable JSON object:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.False(result.IsReadable);
    }

    [Fact]
    public void Validate_DuplicateNameInsideANestedObject_Refused()
    {
        var json = Identity.Replace("\"name\":\"A\"", "\"name\":\"A\",\"external_references\":[{\"source_name\":\"a\",\"source_name\":\"b\",\"url\":\"https://x.example\"}]", StringComparison.Ordinal);

        Assert.False(StixValidator.Validate(Lazy(json)).IsReadable);
    }

    [Fact]
    public void Validate_ConfidenceBeyondDoubleRange_ErrorNotException()
    {
        var result = StixValidator.Validate(Lazy(Identity.Replace("\"name\":\"A\"", "\"name\":\"A\",\"confidence\":1e400", StringComparison.Ordinal)));

        Assert.Contains(result.Errors, e => e.Path == "$.confidence" && e.Message == "must be an integer");
    }

    [Fact]
    public void Validate_IntegralNumberWrittenWithAFraction_CountsAsInteger()
    {
        var result = StixValidator.Validate(Lazy(Identity.Replace("\"name\":\"A\"", "\"name\":\"A\",\"confidence\":50.0", StringComparison.Ordinal)));

        Assert.True(result.IsValid, string.Join("\n", result.Issues));
    }

    [Fact]
    public void Validate_ParsedElementThatIsNotAnObject_ErrorAtRoot()
    {
        using var document = JsonDocument.Parse("[1]");

        var error = Assert.Single(StixValidator.Validate(document.RootElement).Errors);

        Assert.Equal(("$", "a STIX object must be a JSON object"), (error.Path, error.Message));
    }
}
