using Riposte.Stix.Markings;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

public class TlpMarkingsTests
{
    [Theory]
    [InlineData(TlpMarkings.ClearId, TlpLevel.Clear)]
    [InlineData(TlpMarkings.GreenId, TlpLevel.Green)]
    [InlineData(TlpMarkings.AmberId, TlpLevel.Amber)]
    [InlineData(TlpMarkings.AmberStrictId, TlpLevel.AmberStrict)]
    [InlineData(TlpMarkings.RedId, TlpLevel.Red)]
    [InlineData("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", TlpLevel.Clear)]
    [InlineData("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", TlpLevel.Green)]
    [InlineData("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", TlpLevel.Amber)]
    [InlineData("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", TlpLevel.Red)]
    public void LevelOf_OfficialId_ReturnsLevel(string id, TlpLevel level) => Assert.Equal(level, TlpMarkings.LevelOf(id));

    [Theory]
    [InlineData("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8488")]
    [InlineData("identity--311b2d2d-f010-4473-83ec-1edf84858f4c")]
    [InlineData(null)]
    public void LevelOf_OtherId_Null(string? id) => Assert.Null(TlpMarkings.LevelOf(id));

    [Fact]
    public void Tlp2Definitions_Official_AreValidAndMapBack()
    {
        foreach (var definition in TlpMarkings.Tlp2Definitions())
        {
            var result = StixValidator.Validate(definition);
            Assert.True(result.Issues.Count == 0, string.Join("\n", result.Issues));
            Assert.Equal(TlpMarkings.Tlp2Created, definition.Created?.Text);
            var level = TlpMarkings.LevelOf(definition.Id);
            Assert.NotNull(level);
            Assert.Equal("TLP:" + TlpMarkings.Tlp2Value(level.Value).ToUpperInvariant(), definition.Name);
            Assert.Empty(OasisSchemas.Validate(definition.Json));
        }
    }

    [Fact]
    public void Tlp1Definitions_SpecObjects_AreValidAndSchemaValid()
    {
        var definitions = TlpMarkings.Tlp1Definitions();
        Assert.Equal(4, definitions.Count);
        foreach (var definition in definitions)
        {
            Assert.True(StixValidator.Validate(definition).Issues.Count == 0);
            Assert.Empty(OasisSchemas.Validate(definition.Json));
        }
    }

    [Fact]
    public void Tlp2ExtensionDefinition_IsValid() =>
        Assert.True(StixValidator.Validate(TlpMarkings.Tlp2ExtensionDefinition()).Issues.Count == 0);

    [Fact]
    public void FromTlp1Value_White_IsClear()
    {
        Assert.Equal(TlpLevel.Clear, TlpMarkings.FromTlp1Value("white"));
        Assert.Equal(TlpLevel.Red, TlpMarkings.FromTlp1Value("red"));
        Assert.Null(TlpMarkings.FromTlp1Value("clear"));
    }

    [Fact]
    public void MostRestrictive_MixedMarkings_ReturnsStrictest()
    {
        var ids = new[] { TlpMarkings.GreenId, "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "marking-definition--27557362-b745-4161-96e8-ccd62ce4cb26" };
        Assert.Equal(TlpLevel.Amber, TlpMarkings.MostRestrictive(ids));
        Assert.Null(TlpMarkings.MostRestrictive([]));
    }

    [Fact]
    public void TlpLevel_Order_IsRestriction() => Assert.True(TlpLevel.Clear < TlpLevel.Green && TlpLevel.Amber < TlpLevel.AmberStrict && TlpLevel.AmberStrict < TlpLevel.Red);
}
