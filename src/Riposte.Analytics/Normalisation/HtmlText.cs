using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Riposte.Analytics.Normalisation;

/// <summary>A link in HTML content, with its class (Mastodon marks mentions and hashtags by class).</summary>
public readonly record struct HtmlLink(string Href, string? Class);

/// <summary>Plain text from the HTML that Mastodon statuses and feeds carry, with block elements as line breaks.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr" };

    public static string ToText(string? html) => ToText(html, out _);

    public static string ToText(string? html, out IReadOnlyList<HtmlLink> links)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            links = [];
            return "";
        }
        var document = Parser.ParseDocument("<body>" + html + "</body>");
        var builder = new StringBuilder(html.Length);
        var found = new List<HtmlLink>();
        Walk(document.Body!, builder, found);
        links = found;
        return builder.ToString().Trim();
    }

    private static void Walk(INode node, StringBuilder builder, List<HtmlLink> links)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when element.LocalName == "br":
                    builder.Append('\n');
                    break;
                case IElement element when element.LocalName is "script" or "style":
                    break;
                case IElement element:
                    if (element.LocalName == "a" && element.GetAttribute("href") is { Length: > 0 } href)
                        links.Add(new HtmlLink(href, element.GetAttribute("class")));
                    var block = Blocks.Contains(element.LocalName);
                    if (block && builder.Length > 0 && builder[^1] != '\n')
                        builder.Append("\n\n");
                    Walk(element, builder, links);
                    if (block)
                        builder.Append("\n\n");
                    break;
            }
        }
    }
}
