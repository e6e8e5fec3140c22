using Lingua;

namespace Riposte.Analytics.Normalisation;

/// <summary>Guesses a post's language (ISO 639-1) when its format carries none.</summary>
public interface ILanguageGuesser
{
    string? Guess(string text);
}

/// <summary>
/// Lingua over a limited set of candidate languages; the detector and its models load on first use only, so
/// formats that carry a language never pay for it. Low-accuracy mode (trigram models) is the default: measured
/// with the 24 default candidates it needs about 130 MB, where high accuracy took 1.4 GB and 40 s to load.
/// It is weaker on very short texts.
/// </summary>
public sealed class LinguaLanguageGuesser : ILanguageGuesser
{
    /// <summary>Languages common in FIMI work in and around Europe; pass others to the constructor.</summary>
    public static readonly IReadOnlyList<Language> DefaultCandidates =
    [
        Language.English, Language.French, Language.German, Language.Spanish, Language.Portuguese, Language.Italian,
        Language.Dutch, Language.Polish, Language.Russian, Language.Ukrainian, Language.Belarusian, Language.Arabic,
        Language.Turkish, Language.Chinese, Language.Latvian, Language.Lithuanian, Language.Estonian, Language.Finnish,
        Language.Swedish, Language.Romanian, Language.Serbian, Language.Georgian, Language.Armenian, Language.Persian,
    ];

    private const int MinimumLetters = 8;
    private readonly Lazy<LanguageDetector> _detector;

    public LinguaLanguageGuesser(IEnumerable<Language>? candidates = null, bool highAccuracy = false)
    {
        var languages = (candidates ?? DefaultCandidates).ToArray();
        _detector = new Lazy<LanguageDetector>(() =>
        {
            var builder = LanguageDetectorBuilder.FromLanguages(languages);
            return (highAccuracy ? builder : builder.WithLowAccuracyMode()).Build();
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the models have been loaded (they are only loaded when a guess is needed).</summary>
    public bool IsLoaded => _detector.IsValueCreated;

    public string? Guess(string text)
    {
        var cleaned = EntityExtractor.WithoutUrlsAndMentions(text);
        if (cleaned.Count(char.IsLetter) < MinimumLetters)
            return null;
        var language = _detector.Value.DetectLanguageOf(cleaned);
        return language == Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }
}
