using System.Text.RegularExpressions;

namespace Riposte.Analytics.Normalisation;

/// <summary>
/// Finds hashtags, mentions and URLs in plain text for formats that do not list them. Works for any script (letters
/// and marks of every alphabet); hashtags and mentions inside URLs or e-mail addresses are not taken.
/// </summary>
public static partial class EntityExtractor
{
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'“”‘’]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // A tag must follow a start or a non-word character and hold at least one letter ("#1" is a number, not a tag).
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_&/#])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();

    // Handles may hold dots and hyphens inside (Bluesky "a.bsky.social", Mastodon "user@host" is handled by the caller).
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_.@/])@([\p{L}\p{M}\p{N}_]+(?:[.\-][\p{L}\p{M}\p{N}_]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    public static IReadOnlyList<string> Urls(string text)
    {
        if (string.IsNullOrEmpty(text) || (!text.Contains("http", StringComparison.OrdinalIgnoreCase) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase)))
            return [];
        var found = new List<string>();
        foreach (Match match in UrlPattern().Matches(text))
        {
            var url = TrimTrailingPunctuation(match.Value);
            if (url.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
                url = "https://" + url;
            found.Add(url);
        }
        return found;
    }

    public static IReadOnlyList<string> Hashtags(string text) => Find(text, '#', HashtagPattern());

    public static IReadOnlyList<string> Mentions(string text) => Find(text, '@', MentionPattern());

    /// <summary>The text with URLs replaced by spaces, so tags and handles inside them are not found.</summary>
    public static string WithoutUrls(string text) =>
        text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            ? UrlPattern().Replace(text, " ")
            : text;

    /// <summary>The text with URLs and @mentions replaced by spaces.</summary>
    public static string WithoutUrlsAndMentions(string text)
    {
        var withoutUrls = WithoutUrls(text);
        return withoutUrls.Contains('@') ? MentionPattern().Replace(withoutUrls, " ") : withoutUrls;
    }

    private static List<string> Find(string text, char marker, Regex pattern)
    {
        if (string.IsNullOrEmpty(text) || (text.IndexOf(marker) < 0 && (marker != '#' || !text.Contains('＃'))))
            return [];
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in pattern.Matches(WithoutUrls(text)))
        {
            var value = match.Groups[1].Value;
            if (seen.Add(value))
                found.Add(value);
        }
        return found;
    }

    private static string TrimTrailingPunctuation(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '…' or ']' or '}')
                end--;
            else if (c == ')' && url.AsSpan(0, end).Count('(') < url.AsSpan(0, end).Count(')'))
                end--;
            else
                break;
        }
        return url[..end];
    }
}
