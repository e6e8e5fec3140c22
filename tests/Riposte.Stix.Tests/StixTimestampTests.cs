using Riposte.Stix;

namespace Riposte.Stix.Tests;

public class StixTimestampTests
{
    [Theory]
    [InlineData("2016-01-20T12:31:12Z")]
    [InlineData("2016-01-20T12:31:12.123Z")]
    [InlineData("2016-01-20T12:31:12.123456789Z")]
    public void TryParse_ValidUtc_KeepsTextExactly(string text)
    {
        Assert.True(StixTimestamp.TryParse(text, out var ts));
        Assert.Equal(text, ts.Text);
    }

    [Theory]
    [InlineData("2016-01-20T12:31:12+01:00")]
    [InlineData("2016-01-20 12:31:12Z")]
    [InlineData("2016-02-30T12:31:12Z")]
    [InlineData("2016-01-20T12:31:12.Z")]
    [InlineData("")]
    public void TryParse_NotRfc3339Utc_Fails(string text) => Assert.False(StixTimestamp.TryParse(text, out _));

    [Fact]
    public void CompareTo_DifferentPrecision_OrdersByInstant()
    {
        var a = StixTimestamp.Parse("2020-01-01T00:00:00.1Z");
        var b = StixTimestamp.Parse("2020-01-01T00:00:00.09999999Z");
        Assert.True(b < a);
    }
}
