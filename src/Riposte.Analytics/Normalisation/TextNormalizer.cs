using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace Riposte.Analytics.Normalisation;

/// <summary>
/// Normalises post text for similarity (copypasta) comparison across scripts: NFKC, case folding, diacritics removed
/// where they are optional (Latin, Greek, Cyrillic, Arabic harakat, Hebrew points), invisible format characters
/// dropped and whitespace collapsed. Scripts whose marks carry meaning (Devanagari, Thai...) keep them.
/// Normalisation uses ICU4N because <see cref="string.Normalize()"/> does nothing under InvariantGlobalization.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normal form used to compare texts; URLs and @mentions are removed first.</summary>
    public static string ForSimilarity(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Normalize(EntityExtractor.WithoutUrlsAndMentions(text));

    /// <summary>NFKC, case fold, optional diacritics removed, whitespace collapsed (URLs kept).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        // NFKC with full Unicode case folding ("ß" → "ss", "ﬁ" → "fi"), then decomposed to find the marks.
        var folded = Normalizer2.NFKCCaseFoldInstance.Normalize(text);
        var decomposed = Normalizer2.NFDInstance.Normalize(folded);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        var baseChar = '\0';
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark && IsOptionalMark(baseChar, c))
                continue;
            if (category == UnicodeCategory.Format)
                continue;
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
            if (category != UnicodeCategory.NonSpacingMark)
                baseChar = c;
        }
        return Normalizer2.NFCInstance.Normalize(builder.ToString());
    }

    private static bool IsOptionalMark(char baseChar, char mark) =>
        baseChar < '\u0530' // Latin, Greek, Cyrillic bases
        || mark is >= '\u064B' and <= '\u065F' or '\u0670' // Arabic harakat
        || mark is >= '\u0591' and <= '\u05C7'; // Hebrew points and accents
}
