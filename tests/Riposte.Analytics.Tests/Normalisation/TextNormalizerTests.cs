using FsCheck;
using FsCheck.Xunit;
using Riposte.Analytics.Normalisation;

namespace Riposte.Analytics.Tests.Normalisation;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  Hello   WORLD \n\t again ", "hello world again")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ ＡＢＣ", "fullwidth abc")]
    [InlineData("Café déjà vu", "cafe deja vu")]
    [InlineData("Ёлка ЗИМОЙ", "елка зимои")]
    [InlineData("ﬁre", "fire")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("مَرْحَبًا", "مرحبا")]
    [InlineData("नमस्ते", "नमस्ते")]
    public void Normalize_TextInManyScripts_FoldsCaseMarksAndSpaces(string input, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void ForSimilarity_CopiesWithDifferentLinksAndMentions_AreEqual()
    {
        // Arrange
        var a = "@bot1 LEAKED memo!!  https://a.example/x?utm_source=1 Share before they DELETE it";
        var b = "@other leaked MEMO!! https://b.example/y share before they delete it";

        // Act / Assert
        Assert.Equal(TextNormalizer.ForSimilarity(a), TextNormalizer.ForSimilarity(b));
    }

    [Property(MaxTest = 300)]
    public bool Normalize_AnyText_IsIdempotentAndHasNoDoubleSpaces(NonNull<string> text)
    {
        // Act
        var once = TextNormalizer.Normalize(text.Get);

        // Assert
        return TextNormalizer.Normalize(once) == once && !once.Contains("  ", StringComparison.Ordinal) && once == once.Trim();
    }
}
