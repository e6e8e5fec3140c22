namespace Riposte.Detection.Text;

/// <summary>
/// Reduces a post's text to the words two copies of one message share: lower case, no URLs, no
/// @mentions, no punctuation or emoji. Hashtags keep their word.
/// </summary>
public static class TextNormaliser
{
    /// <summary>Deterministic 64-bit hashes of the normalised words, in order.</summary>
    public static List<ulong> WordHashes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>(32);
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
                i++;
            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
                i++;
            var token = span[start..i];
            if (token.Length == 0 || token[0] == '@' || token.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                continue;
            if (token.SequenceEqual("RT") && words.Count == 0)
                continue;
            var h = 14695981039346656037UL;
            var letters = 0;
            foreach (var ch in token)
            {
                if (!char.IsLetterOrDigit(ch))
                    continue;
                h = (h ^ char.ToLowerInvariant(ch)) * 1099511628211UL;
                letters++;
            }
            if (letters > 0)
                words.Add(h);
        }
        return words;
    }

    /// <summary>Hashes of the word k-shingles (k consecutive words), de-duplicated.</summary>
    public static ulong[] Shingles(IReadOnlyList<ulong> words, int k)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < k)
            return words.Count == 0 ? [] : [Combine(words, 0, words.Count)];
        var set = new HashSet<ulong>(words.Count);
        for (var s = 0; s + k <= words.Count; s++)
            set.Add(Combine(words, s, k));
        return [.. set];
    }

    private static ulong Combine(IReadOnlyList<ulong> words, int start, int count)
    {
        var h = 0x9E3779B97F4A7C15UL;
        for (var j = 0; j < count; j++)
            h = MinHasher.Mix(h ^ words[start + j]);
        return h;
    }
}
