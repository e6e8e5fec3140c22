using Riposte.Analytics.Normalisation;

namespace Riposte.Analytics.Tests.Normalisation;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2025-03-14 04:12:40 EDT", "2025-03-14T08:12:40Z")]
    [InlineData("2025-01-14 04:12:40 EST", "2025-01-14T09:12:40Z")]
    [InlineData("2025-03-14 10:00:00 CET", "2025-03-14T09:00:00Z")]
    [InlineData("2025-03-14 10:00:00 UTC", "2025-03-14T10:00:00Z")]
    public void ParseWithZoneAbbreviation_KnownZone_ConvertsToUtc(string input, string expected)
    {
        // Act
        var value = Timestamps.ParseWithZoneAbbreviation(input, out var error);

        // Assert
        Assert.Null(error);
        Assert.Equal(Samples.Utc(expected), value);
    }

    [Fact]
    public void ParseWithZoneAbbreviation_AmbiguousZone_ExplainsWhy()
    {
        // Act
        var value = Timestamps.ParseWithZoneAbbreviation("2025-03-14 04:12:40 IST", out var error);

        // Assert
        Assert.Null(value);
        Assert.Contains("'IST'", error);
    }

    [Theory]
    [InlineData("Fri, 14 Mar 2025 08:05:00 +0000", "2025-03-14T08:05:00Z")]
    [InlineData("Fri, 14 Mar 2025 08:05:00 GMT", "2025-03-14T08:05:00Z")]
    [InlineData("14 Mar 2025 10:05:00 +0200", "2025-03-14T08:05:00Z")]
    [InlineData("Fri, 14 Mar 25 04:05 EDT", "2025-03-14T08:05:00Z")]
    public void ParseRfc822_FeedDates_ConvertToUtc(string input, string expected)
    {
        // Act / Assert
        Assert.Equal(Samples.Utc(expected), Timestamps.ParseRfc822(input));
    }

    [Theory]
    [InlineData("1741939802", "2025-03-14T08:10:02Z")]
    [InlineData("1741939802.0", "2025-03-14T08:10:02Z")]
    [InlineData("1741939802.5", "2025-03-14T08:10:02.5Z")]
    public void ParseUnixSeconds_IntegerOrFloat_GivesUtc(string input, string expected)
    {
        // Act / Assert
        Assert.Equal(Samples.Utc(expected), Timestamps.ParseUnixSeconds(input));
    }

    [Theory]
    [InlineData("2025-03-14T13:42:18.000Z", "2025-03-14T13:42:18Z")]
    [InlineData("2025-03-14T15:42:18+02:00", "2025-03-14T13:42:18Z")]
    [InlineData("2025-03-14T13:42:18", "2025-03-14T13:42:18Z")]
    public void ParseIso_Variants_GiveUtc(string input, string expected)
    {
        // Act
        var value = Timestamps.ParseIso(input);

        // Assert
        Assert.Equal(Samples.Utc(expected), value);
        Assert.Equal(TimeSpan.Zero, value!.Value.Offset);
    }
}
