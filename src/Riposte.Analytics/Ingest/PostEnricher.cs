using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest;

/// <summary>The normalisation every format gets after mapping: canonical URLs and a language guess where none was given.</summary>
public sealed class PostEnricher(ILanguageGuesser? languageGuesser)
{
    public Post Enrich(Post post)
    {
        var urls = CanonicalUrls(post.Urls);
        var language = post.Language;
        if (language is null && languageGuesser is not null && post.Text.Length > 0)
            language = languageGuesser.Guess(post.Text);
        if (ReferenceEquals(urls, post.Urls) && language == post.Language)
            return post;
        return post with { Urls = urls, Language = language };
    }

    /// <summary>Canonical, de-duplicated URLs in their first order; texts that are not URLs are dropped. Returns the same list when nothing changes.</summary>
    public static IReadOnlyList<string> CanonicalUrls(IReadOnlyList<string> urls)
    {
        if (urls.Count == 0)
            return urls;
        List<string>? result = null;
        for (var i = 0; i < urls.Count; i++)
        {
            var canonical = UrlCanonicalizer.Canonicalize(urls[i]);
            if (result is null && canonical == urls[i] && !Contains(urls, i, canonical))
                continue;
            if (result is null)
            {
                result = new List<string>(urls.Count);
                for (var j = 0; j < i; j++)
                    result.Add(urls[j]);
            }
            if (canonical is not null && !result.Contains(canonical))
                result.Add(canonical);
        }
        return result is null ? urls : result;
    }

    private static bool Contains(IReadOnlyList<string> urls, int before, string value)
    {
        for (var i = 0; i < before; i++)
        {
            if (urls[i] == value)
                return true;
        }
        return false;
    }
}
