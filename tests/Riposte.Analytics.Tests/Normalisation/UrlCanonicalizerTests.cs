using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Analytics.Normalisation;

namespace Riposte.Analytics.Tests.Normalisation;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://Example.ORG:443/a/b?utm_source=x&b=2&a=1#frag", "https://example.org/a/b?a=1&b=2")]
    [InlineData("http://example.org:80/", "http://example.org")]
    [InlineData("https://example.org/", "https://example.org")]
    [InlineData("https://example.org", "https://example.org")]
    [InlineData("https://example.org:8443/x", "https://example.org:8443/x")]
    [InlineData("https://example.org/p?fbclid=IwAR0abc", "https://example.org/p")]
    [InlineData("https://example.org/p?gclid=1&igshid=2&mc_cid=3&mc_eid=4&ref_src=twsrc&utm_medium=s", "https://example.org/p")]
    [InlineData("https://example.org/a%2fb%7e%41", "https://example.org/a%2Fb~A")]
    [InlineData("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe")]
    [InlineData("nordvale-truth.example/2025/03/leaked-dam-memo", "https://nordvale-truth.example/2025/03/leaked-dam-memo")]
    [InlineData("https://example.org/path/", "https://example.org/path/")]
    public void Canonicalize_KnownUrl_GivesCanonicalForm(string input, string expected)
    {
        // Act
        var canonical = UrlCanonicalizer.Canonicalize(input);

        // Assert
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("not a url")]
    [InlineData("ftp://example.org/file")]
    [InlineData("pic")]
    public void Canonicalize_NotAWebUrl_GivesNull(string input)
    {
        // Act / Assert
        Assert.Null(UrlCanonicalizer.Canonicalize(input));
    }

    private static readonly string[] Keys = ["a", "b", "id", "q", "utm_source", "utm_campaign", "fbclid", "page", "ref"];

    private static Arbitrary<(string Host, string[] Path, (string Key, string Value)[] Query, string Fragment)> Urls() =>
        (from host in Gen.Elements("example.org", "EXAMPLE.org", "news.example", "bücher.example", "WWW.Example.COM")
         from pathLength in Gen.Choose(0, 3)
         from path in Gen.ArrayOf(Gen.Elements("a", "b", "2025", "mémo", "x y", "%41"), pathLength)
         from queryLength in Gen.Choose(0, 4)
         from query in Gen.ArrayOf(from k in Gen.Elements(Keys) from v in Gen.Elements("1", "2", "x", "é", "") select (k, v), queryLength)
         from fragment in Gen.Elements("", "#top", "#")
         select (host, path, query, fragment)).ToArbitrary();

    private static string Build((string Host, string[] Path, (string Key, string Value)[] Query, string Fragment) url, bool reverse = false)
    {
        var query = reverse ? url.Query.Reverse() : url.Query;
        var path = url.Path.Length == 0 ? "/" : "/" + string.Join('/', url.Path);
        var q = url.Query.Length == 0 ? "" : "?" + string.Join('&', query.Select(p => $"{p.Key}={p.Value}"));
        return $"https://{url.Host}{path}{q}{url.Fragment}";
    }

    [Property(MaxTest = 300)]
    public Property Canonicalize_AnyUrl_IsIdempotent() =>
        Prop.ForAll(Urls(), url =>
        {
            var once = UrlCanonicalizer.Canonicalize(Build(url));
            return once is not null && UrlCanonicalizer.Canonicalize(once) == once;
        });

    [Property(MaxTest = 300)]
    public Property Canonicalize_AnyUrl_DropsTrackingParametersAndFragment() =>
        Prop.ForAll(Urls(), url =>
        {
            var canonical = UrlCanonicalizer.Canonicalize(Build(url))!;
            var uri = new Uri(canonical);
            var keys = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]);
            return !canonical.Contains('#') && keys.All(k => !UrlCanonicalizer.IsTrackingParameter(k)) && uri.Host == uri.Host.ToLowerInvariant();
        });

    [Property(MaxTest = 300)]
    public Property Canonicalize_QueryParameterOrder_DoesNotMatter() =>
        Prop.ForAll(Urls(), url => UrlCanonicalizer.Canonicalize(Build(url)) == UrlCanonicalizer.Canonicalize(Build(url, reverse: true)));
}
