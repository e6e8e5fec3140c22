namespace Riposte.Stix.Tests;

public class StixIdsTests
{
    [Fact]
    public void New_Type_IsValidVersion4IdOfThatType()
    {
        var id = StixIds.New("threat-actor");

        Assert.True(StixIds.IsValid(id));
        Assert.Equal("threat-actor", StixIds.TypeOf(id));
        Assert.Equal(4, StixIds.UuidVersion(id));
    }

    [Theory]
    [InlineData("Threat-actor")]
    [InlineData("ab")]
    [InlineData("x--y")]
    [InlineData("9lives")]
    [InlineData("ends-")]
    public void New_InvalidTypeName_Throws(string type) => Assert.Throws<ArgumentException>(() => StixIds.New(type));

    [Theory]
    [InlineData("indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836", "indicator")]
    [InlineData("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "ipv4-addr")]
    [InlineData("x-custom-thing--28bb3599-77cd-5a82-a950-b5bc3caf07c4", "x-custom-thing")]
    public void TypeOf_ValidId_ReturnsType(string id, string type) => Assert.Equal(type, StixIds.TypeOf(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("indicator-e2e1a340-4415-4ba8-9671-f7343fbf0836")]
    [InlineData("indicator--e2e1a340-4415-4ba8-9671-f7343fbf083")]
    [InlineData("indicator--e2e1a340-4415-0ba8-9671-f7343fbf0836")] // version 0
    [InlineData("indicator--e2e1a340-4415-4ba8-7671-f7343fbf0836")] // NCS variant
    [InlineData("indicator--e2e1a340x4415-4ba8-9671-f7343fbf0836")]
    [InlineData("Indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836")]
    [InlineData("--e2e1a340-4415-4ba8-9671-f7343fbf0836")]
    public void IsValid_Malformed_False(string? id)
    {
        Assert.False(StixIds.IsValid(id));
        Assert.Null(StixIds.TypeOf(id));
    }

    [Fact]
    public void IsOfType_OtherType_False()
    {
        Assert.True(StixIds.IsOfType("identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "identity"));
        Assert.False(StixIds.IsOfType("identity--311b2d2d-f010-4473-83ec-1edf84858f4c", "campaign"));
    }
}
