using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Analytics.Normalisation;

namespace Riposte.Analytics.Tests.Normalisation;

public sealed class EntityExtractorTests
{
    [Theory]
    [InlineData("Share #NordvaleDam and #DamCoverUp!", new[] { "NordvaleDam", "DamCoverUp" })]
    [InlineData("Правда #плотина #Нордвейл", new[] { "плотина", "Нордвейл" })]
    [InlineData("عاجل #السد_نوردفيل", new[] { "السد_نوردفيل" })]
    [InlineData("日本語 #ダム 中文 #大坝", new[] { "ダム", "大坝" })]
    [InlineData("हिन्दी #बाँध", new[] { "बाँध" })]
    [InlineData("Café #déjàvu", new[] { "déjàvu" })]
    [InlineData("number #1 and issue#2 and C#", new string[0])]
    [InlineData("link https://example.org/page#section and #real", new[] { "real" })]
    [InlineData("repeat #a #a", new[] { "a" })]
    public void Hashtags_TextInManyScripts_FindsTagsNotInsideUrlsOrWords(string text, string[] expected)
    {
        // Act / Assert
        Assert.Equal(expected, EntityExtractor.Hashtags(text));
    }

    [Theory]
    [InlineData("@truth_seeker_88 thanks, cc @factcheck_nv.", new[] { "truth_seeker_88", "factcheck_nv" })]
    [InlineData("mail me at anna@herald.example.org", new string[0])]
    [InlineData("@truthseeker88.bsky.social wrote", new[] { "truthseeker88.bsky.social" })]
    [InlineData("see https://example.org/@someone now", new string[0])]
    [InlineData("@Иван_Петров сказал", new[] { "Иван_Петров" })]
    public void Mentions_Text_FindsHandlesButNotEmailsOrUrls(string text, string[] expected)
    {
        // Act / Assert
        Assert.Equal(expected, EntityExtractor.Mentions(text));
    }

    [Theory]
    [InlineData("Full story: https://nordvale-truth.example/a/b.", new[] { "https://nordvale-truth.example/a/b" })]
    [InlineData("(see https://en.example.org/wiki/Dam_(engineering))", new[] { "https://en.example.org/wiki/Dam_(engineering)" })]
    [InlineData("visit www.example.org today", new[] { "https://www.example.org" })]
    [InlineData("no links here", new string[0])]
    public void Urls_Text_FindsUrlsWithoutTrailingPunctuation(string text, string[] expected)
    {
        // Act / Assert
        Assert.Equal(expected, EntityExtractor.Urls(text));
    }

    [Property(MaxTest = 200)]
    public Property Hashtags_GeneratedTagInAnyScript_IsFoundExactly() =>
        Prop.ForAll(
            (from word in Gen.Elements("Dam", "плотина", "السد", "ダム", "déjà", "Zażółć", "ΦΡΑΓΜΑ", "abc_123")
             from before in Gen.Elements("", "Text ", "¡", "(", "\n")
             from after in Gen.Elements("", " end", "!", ".", ")")
             select (word, before, after)).ToArbitrary(),
            t => EntityExtractor.Hashtags($"{t.before}#{t.word}{t.after}").SequenceEqual([t.word]));
}
