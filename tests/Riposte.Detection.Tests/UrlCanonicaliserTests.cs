using Riposte.Detection.Interning;

namespace Riposte.Detection.Tests;

public sealed class UrlCanonicaliserTests
{
    [Theory]
    [InlineData("https://WWW.Example.com/a/b/?utm_source=x&id=3#frag", "https://example.com/a/b?id=3")]
    [InlineData("http://example.com/a/", "https://example.com/a")]
    [InlineData("https://example.com/p?b=2&a=1&fbclid=zz", "https://example.com/p?a=1&b=2")]
    [InlineData("not a url", "not a url")]
    public void Canonicalise_Variants_SameForm(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicaliser.Canonicalise(input));
    }
}

public sealed class CoordinationOptionsTests
{
    [Fact]
    public void Constructor_NegativeWindow_ThrowsNamingTheOption()
    {
        // Arrange
        var options = new CoordinationOptions { CoLinkWindow = TimeSpan.FromSeconds(-5) };

        // Act
        var error = Assert.Throws<ArgumentException>(() => new CoordinationDetector(options));

        // Assert
        Assert.Contains(nameof(CoordinationOptions.CoLinkWindow), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_NoPosts_NoClusters()
    {
        // Act
        var result = new CoordinationDetector().Detect([]);

        // Assert
        Assert.Empty(result.Clusters);
        Assert.Equal(0, result.Statistics.Posts);
    }
}
