using System.Text.Json.Nodes;

namespace Riposte.Stix.Tests;

public class RoundTripTests
{
    [Fact]
    public void ToJson_UnknownPropertiesAndExtensions_PreservedExactly()
    {
        // Arrange: unknown top-level properties, nested extensions, unicode, odd numbers and precise timestamps.
        const string text = """{"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2016-04-06T20:03:48.123456789Z","modified":"2016-04-06T20:03:48.1234567891Z","name":"Кампания «Ложь» 🐍","x_score":1.5e-7,"x_big":12345678901234567890,"x_nested":{"a":[null,true,{"b":"\u0000"}]},"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension","deep":{"deeper":[1,2.50,"x"]}}},"future_property":{"z":1,"a":2}}""";

        // Act
        var once = StixObject.Parse(text);
        var twice = StixObject.Parse(once.ToJson());

        // Assert
        Assert.Equal(once.ToJson(), twice.ToJson());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), twice.Json));
        Assert.Equal("2016-04-06T20:03:48.1234567891Z", twice.Modified?.Text);
        Assert.Contains("\"future_property\":{\"z\":1,\"a\":2}", twice.ToJson(), StringComparison.Ordinal);
    }
}
