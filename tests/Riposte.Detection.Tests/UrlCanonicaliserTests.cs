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
