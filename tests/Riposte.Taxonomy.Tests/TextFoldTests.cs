using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Taxonomy.Stix;

namespace Riposte.Taxonomy.Tests;

public sealed class PropertyTests
{
    [Fact]
    public void Uuid5_RfcExample_MatchesPublishedValue()
    {
        // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), Uuid5.Create(dns, "www.example.com"));
    }

    [Property]
    public void Uuid5_AnyName_IsStableVersion5Rfc4122Variant(NonNull<string> name)
    {
        // Act
        var first = Uuid5.Create(DisarmStix.IdNamespace, name.Get);
        var second = Uuid5.Create(DisarmStix.IdNamespace, name.Get);
        var text = first.ToString("D");

        // Assert
        Assert.Equal(first, second);
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Property]
    public void Uuid5_DifferentNames_GiveDifferentIds(NonNull<string> a, NonNull<string> b)
    {
        if (a.Get == b.Get)
            return;

        Assert.NotEqual(Uuid5.Create(DisarmStix.IdNamespace, a.Get), Uuid5.Create(DisarmStix.IdNamespace, b.Get));
    }

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
