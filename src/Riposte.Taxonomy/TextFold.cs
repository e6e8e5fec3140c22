using System.Text;
using AnyAscii;

namespace Riposte.Taxonomy;

/// <summary>
/// Folds text for case- and diacritic-insensitive matching: "Désinformation" and "desinformation" fold alike,
/// as do typographic and straight quotes. Uses a transliteration table rather than Unicode normalisation,
/// which does nothing under InvariantGlobalization.
/// </summary>
public static class TextFold
{
    public static string Fold(string text)
    {
        var ascii = text.Transliterate();
        var builder = new StringBuilder(ascii.Length);
        var pendingSpace = false;
        foreach (var c in ascii)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
