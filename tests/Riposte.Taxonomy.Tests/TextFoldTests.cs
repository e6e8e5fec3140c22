using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Riposte.Taxonomy.Tests;

public sealed class TextFoldTests
{
    [Property]
    public void Fold_AnyText_IsIdempotentLowerAsciiWithoutOuterSpace(NonNull<string> text)
    {
        // Act
        var folded = TextFold.Fold(text.Get);

        // Assert
        Assert.Equal(folded, TextFold.Fold(folded));
        Assert.All(folded, c => Assert.True(c < 128 && !char.IsUpper(c), $"'{c}' in '{folded}'"));
        Assert.Equal(folded.Trim(), folded);
    }

    [Property]
    public void Fold_AsciiLettersInAnyCase_FoldAlike(NonNull<string> text)
    {
        // Arrange
        var ascii = new string([.. text.Get.Where(char.IsAsciiLetter)]);

        // Act / Assert
        Assert.Equal(TextFold.Fold(ascii.ToLowerInvariant()), TextFold.Fold(ascii.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("Désinformation", "desinformation")]
    [InlineData("ÉLAN  Straße", "elan strasse")]
    [InlineData("that’s “it”", "that's \"it\"")]
    [InlineData("Ελλάδα", "ellada")]
    public void Fold_Examples_RemoveCaseAndDiacritics(string text, string expected)
    {
        Assert.Equal(expected, TextFold.Fold(text));
    }
}
