using Lingua;
using Riposte.Analytics.Normalisation;

namespace Riposte.Analytics.Tests.Normalisation;

public sealed class LanguageGuesserTests
{
    private static readonly LinguaLanguageGuesser Guesser = new([Language.English, Language.Russian, Language.German, Language.French]);

    [Theory]
    [InlineData("The water level at the dam is falling and the evacuation order remains in force", "en")]
    [InlineData("Власти Нордвейла скрывают правду о плотине, документы это доказывают", "ru")]
    [InlineData("Der Wasserstand am Damm sinkt, die Evakuierung bleibt bestehen und die Behörden warnen", "de")]
    public void Guess_SentenceInCandidateLanguage_GivesIsoCode(string text, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, Guesser.Guess(text));
    }

    [Theory]
    [InlineData("🔥🔥🔥")]
    [InlineData("https://example.org/only-a-link @someone")]
    [InlineData("ok")]
    public void Guess_TooLittleText_GivesNull(string text)
    {
        // Act / Assert
        Assert.Null(Guesser.Guess(text));
    }

    [Fact]
    public void Enrich_PostThatHasALanguage_NeverLoadsTheModels()
    {
        // Arrange
        var guesser = new LinguaLanguageGuesser();
        var post = new Post { Platform = "microblog", Id = "1", AuthorId = "a", CreatedAt = DateTimeOffset.UnixEpoch, Text = "some text here", Language = "en" };

        // Act
        new PostEnricher(guesser).Enrich(post);

        // Assert
        Assert.False(guesser.IsLoaded);
    }
}
