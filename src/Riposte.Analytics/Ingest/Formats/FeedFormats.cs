using System.Text;
using System.Xml;
using System.Xml.Linq;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// Base for XML news feeds, read item by item with <see cref="XmlReader"/> (DTDs prohibited). A malformed document
/// keeps the items before the damage. The evidence of an item is its element serialised without formatting
/// (XmlReader does not expose the source bytes of an element).
/// </summary>
internal abstract class FeedFormat : IPostFormat
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public abstract bool Sniff(ReadOnlySpan<byte> head, string fileName);

    protected abstract string ItemName { get; }
    protected abstract string ItemNamespace { get; }

    protected abstract Post Map(XElement item, string? feedLanguage);

    public IEnumerable<RecordResult> Read(Stream stream, string fileName)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(stream, settings);
        string? language = null;
        var items = 0;
        while (true)
        {
            RecordResult? result = null;
            var done = false;
            var line = (reader as IXmlLineInfo)?.LineNumber ?? 0;
            try
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == ItemName && reader.NamespaceURI == ItemNamespace)
                {
                    line = ((IXmlLineInfo)reader).LineNumber;
                    var element = (XElement)XNode.ReadFrom(reader);
                    var location = new RecordLocation(fileName, line, $"{ItemName}[{items++}]");
                    var raw = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
                    result = MapSafely(element, language ?? LanguageOf(element), location, raw);
                }
                else
                {
                    if (reader.NodeType == XmlNodeType.Element)
                        language = reader.GetAttribute("xml:lang") ?? language;
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "language" && reader.NamespaceURI.Length == 0)
                        language = reader.ReadElementContentAsString().Trim();
                    else
                        done = !reader.Read();
                }
            }
            catch (XmlException e)
            {
                result = RecordResult.Reject($"malformed XML: {e.Message}", new RecordLocation(fileName, e.LineNumber), ReadOnlyMemory<byte>.Empty);
                done = true;
            }
            if (result is { } r)
                yield return r;
            if (done)
                break;
        }
        if (items == 0)
            yield return RecordResult.Reject($"no <{ItemName}> elements: this does not look like a {Name} feed", new RecordLocation(fileName, 1), ReadOnlyMemory<byte>.Empty);
    }

    private static string? LanguageOf(XElement element) => (string?)element.Attribute(XNamespace.Xml + "lang");

    private RecordResult MapSafely(XElement item, string? language, RecordLocation location, byte[] raw)
    {
        try
        {
            return RecordResult.Ok(Map(item, language), location, raw);
        }
        catch (Exception e) when (e is RecordException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return RecordResult.Reject(RecordException.Describe(e), location, raw);
        }
    }

    protected static bool StartsWithXml(ReadOnlySpan<byte> head, ReadOnlySpan<byte> rootElement)
    {
        var trimmed = head.TrimStart(" \t\r\n\xEF\xBB\xBF"u8);
        return trimmed.StartsWith("<"u8) && head.IndexOf(rootElement) >= 0;
    }

    protected static string? Language(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Split('-', '_')[0].ToLowerInvariant();
}

/// <summary>RSS 2.0 items (WordPress style: dc:creator, content:encoded, category, guid).</summary>
internal sealed class RssFormat : FeedFormat
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    public override string Name => "rss";
    public override string Description => "RSS 2.0 feed";
    protected override string ItemName => "item";
    protected override string ItemNamespace => "";

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) => StartsWithXml(head, "<rss"u8);

    protected override Post Map(XElement item, string? feedLanguage)
    {
        var link = (string?)item.Element("link");
        var html = (string?)item.Element(Content + "encoded") ?? (string?)item.Element("description");
        var body = HtmlText.ToText(html, out var links);
        var author = (string?)item.Element(Dc + "creator") ?? (string?)item.Element("author");
        var published = (string?)item.Element("pubDate");
        return new Post
        {
            Platform = "rss",
            Id = ((string?)item.Element("guid"))?.Trim() is { Length: > 0 } guid ? guid : link ?? throw new RecordException("an item with neither <guid> nor <link>"),
            AuthorId = author?.Trim() ?? "",
            AuthorHandle = author?.Trim(),
            CreatedAt = Timestamps.ParseRfc822(published) ?? throw new RecordException($"missing or unreadable <pubDate> '{published}'"),
            Text = string.Join("\n\n", new[] { ((string?)item.Element("title"))?.Trim(), body }.Where(t => !string.IsNullOrEmpty(t))),
            Urls = new[] { link }.Concat(links.Select(l => l.Href)).OfType<string>().ToArray(),
            Hashtags = item.Elements("category").Select(c => c.Value.Trim()).Where(c => c.Length > 0).ToArray(),
            Language = Language(feedLanguage),
        };
    }
}

/// <summary>Atom 1.0 entries (RFC 4287).</summary>
internal sealed class AtomFormat : FeedFormat
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public override string Name => "atom";
    public override string Description => "Atom 1.0 feed";
    protected override string ItemName => "entry";
    protected override string ItemNamespace => Atom.NamespaceName;

    public override bool Sniff(ReadOnlySpan<byte> head, string fileName) => StartsWithXml(head, "<feed"u8) && head.IndexOf("http://www.w3.org/2005/Atom"u8) >= 0;

    protected override Post Map(XElement entry, string? feedLanguage)
    {
        var content = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
        var body = content is null ? "" : (string?)content.Attribute("type") is "html" or "xhtml" ? HtmlText.ToText(content.Type() == "xhtml" ? content.InnerXml() : content.Value, out _) : content.Value.Trim();
        var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        var author = entry.Element(Atom + "author");
        var published = (string?)entry.Element(Atom + "published") ?? (string?)entry.Element(Atom + "updated");
        return new Post
        {
            Platform = "atom",
            Id = ((string?)entry.Element(Atom + "id"))?.Trim() is { Length: > 0 } id ? id : throw new RecordException("an entry without <id>"),
            AuthorId = ((string?)author?.Element(Atom + "uri") ?? (string?)author?.Element(Atom + "name") ?? "").Trim(),
            AuthorHandle = ((string?)author?.Element(Atom + "name"))?.Trim(),
            CreatedAt = Timestamps.ParseIso(published) ?? throw new RecordException($"missing or unreadable <published>/<updated> '{published}'"),
            Text = string.Join("\n\n", new[] { ((string?)entry.Element(Atom + "title"))?.Trim(), body }.Where(t => !string.IsNullOrEmpty(t))),
            Urls = link is null ? [] : [link],
            Hashtags = entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).OfType<string>().ToArray(),
            Language = Language((string?)entry.Attribute(XNamespace.Xml + "lang") ?? feedLanguage),
        };
    }
}

internal static class XElementText
{
    public static string? Type(this XElement element) => (string?)element.Attribute("type");

    public static string InnerXml(this XElement element) => string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
}
