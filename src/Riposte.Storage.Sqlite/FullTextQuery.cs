using System.Text;

namespace Riposte.Storage.Sqlite;

/// <summary>
/// Turns what a user types into an FTS5 query: every word must match (as a prefix of the last word, for
/// search-as-you-type), and FTS5 syntax characters are quoted so no input can raise a syntax error.
/// </summary>
internal static class FullTextQuery
{
    public static string? From(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        if (words.Count == 0)
            return null;
        return string.Join(' ', words.Select((w, i) => "\"" + w + "\"" + (i == words.Count - 1 ? "*" : "")));
    }
}
