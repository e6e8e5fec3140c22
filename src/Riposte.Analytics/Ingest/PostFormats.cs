using Riposte.Analytics.Ingest.Formats;

namespace Riposte.Analytics.Ingest;

/// <summary>Every known format, found by name or sniffed from a file's first bytes and name.</summary>
public static class PostFormats
{
    /// <summary>How many bytes of a file sniffing looks at.</summary>
    public const int HeadSize = 16 * 1024;

    public const string Auto = "auto";

    // Order matters: specific shapes are tried before general ones.
    public static IReadOnlyList<IPostFormat> All { get; } =
    [
        new GeneratorNdjsonFormat(),
        new TwarcPagesFormat(),
        new TwarcFlattenedFormat(),
        new TwarcCsvFormat(),
        new TelegramDesktopFormat(),
        new CrowdTangleCsvFormat(),
        new MetaContentLibraryCsvFormat(),
        new FourCatTelegramNdjsonFormat(),
        new FourCatCsvFormat(),
        new YouTubeVideosFormat(),
        new YouTubeCommentThreadsFormat(),
        new JetstreamFormat(),
        new BlueskySearchPostsFormat(),
        new MastodonStatusesFormat(),
        new TikTokResearchFormat(),
        new RssFormat(),
        new AtomFormat(),
    ];

    public static string NameList => string.Join(", ", All.Select(f => f.Name));

    /// <summary>The format with this name; throws with the list of formats when there is none.</summary>
    public static IPostFormat ByName(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownFormatException($"unknown format '{name}'; the formats are: {Auto}, {NameList}");

    /// <summary>The first format whose sniffer accepts the head, or null.</summary>
    public static IPostFormat? Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        foreach (var format in All)
        {
            if (format.Sniff(head, fileName))
                return format;
        }
        return null;
    }
}

/// <summary>A file's format is not known or could not be recognised; the message lists the formats.</summary>
public sealed class UnknownFormatException(string message) : Exception(message);
