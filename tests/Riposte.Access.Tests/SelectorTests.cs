using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Access.Markings;

namespace Riposte.Access.Tests;

public sealed class SelectorTests
{
    private static readonly JsonObject Sample = JsonNode.Parse("""
        {"type":"x","aliases":["a","b","c"],"external_references":[{"source_name":"s","hashes":{"SHA-256":"00"}},{"url":"u"}]}
        """)!.AsObject();

    [Theory]
    [InlineData("aliases.[2]")]
    [InlineData("external_references.[0].hashes.SHA-256")]
    [InlineData("external_references.[1]")]
    [InlineData("type")]
    public void Of_ResolvedSelector_WritesTheSameSelector(string selector)
    {
        Assert.True(Selector.TryParse(selector, out var steps));
        Assert.True(Selector.TryResolve(Sample, steps, out var node));

        Assert.Equal(selector, Selector.Of(node, Sample));
    }

    [Theory]
    [InlineData("")]
    [InlineData("aliases[0]")]
    [InlineData("aliases.[x]")]
    [InlineData("aliases..[0]")]
    [InlineData("aliases.[-1]")]
    public void TryParse_Malformed_False(string selector)
    {
        Assert.False(Selector.TryParse(selector, out _));
    }

    [Fact]
    public void TryResolve_IndexPastEnd_False()
    {
        Assert.True(Selector.TryParse("aliases.[3]", out var steps));

        Assert.False(Selector.TryResolve(Sample, steps, out _));
    }

    [Property(MaxTest = 200)]
    public Property TryParse_WrittenSteps_RoundTrip(PositiveInt index, NonEmptyString name)
    {
        var property = new string([.. name.Get.Where(char.IsAsciiLetterLower)]);
        var text = $"{property}.[{index.Get}].{property}";
        return Prop.When(property.Length > 0, () => Selector.TryParse(text, out var steps) && steps.Length == 3 && steps[1].IsIndex && steps[1].Index == index.Get && steps[2].Property == property);
    }
}
