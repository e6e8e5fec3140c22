using System.Globalization;
using System.Text;

namespace Riposte.Storage.Postgres;

/// <summary>
/// Folds text for the full-text index and for queries the same way, so search behaves as SQLite's FTS5
/// (unicode61, remove_diacritics): words are runs of letters and digits, compared without case or
/// Latin diacritics ("Kýiv" finds "Kyiv"). Folding in .NET rather than with <c>unaccent</c> and the
/// database's <c>lower()</c> keeps the result independent of the server's extensions and locale.
/// </summary>
internal static class SearchText
{
    /// <summary>Beyond this many characters a field is not indexed further; tsvector values are capped at 1 MB.</summary>
    public const int MaxIndexedChars = 200_000;

    /// <summary>The words of <paramref name="text"/>, lower-case and without diacritics, separated by single spaces.</summary>
    public static string? Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > MaxIndexedChars)
            text = text[..MaxIndexedChars];
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark)
                continue; // combining accents of decomposed text, as SQLite drops them
            if (Rune.IsLetterOrDigit(rune) && rune.IsBmp)
                folded.Append(char.ToLowerInvariant(LatinDiacritics.Fold((char)rune.Value)));
            else if (Rune.IsLetterOrDigit(rune))
                folded.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (folded.Length > 0 && folded[^1] != ' ')
                folded.Append(' ');
        }
        if (folded.Length > 0 && folded[^1] == ' ')
            folded.Length--;
        return folded.Length == 0 ? null : folded.ToString();
    }

    /// <summary>
    /// A <c>to_tsquery</c> text in which every word must match, the last as a prefix (search as you type);
    /// null when the input has no words. Folded words hold letters and digits only, so no input is read as
    /// tsquery syntax.
    /// </summary>
    public static string? Query(string text)
    {
        var folded = Fold(text);
        if (folded is null)
            return null;
        return string.Join(" & ", folded.Split(' ')) + ":*";
    }
}
