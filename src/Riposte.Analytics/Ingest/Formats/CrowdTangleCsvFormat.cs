using Riposte.Analytics.Ingest.Reading;
using Riposte.Analytics.Normalisation;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Ingest.Formats;

/// <summary>
/// CrowdTangle's Facebook historical-data CSV. "Post Created" carries the dashboard's zone abbreviation (EDT), which
/// is converted explicitly; counts carry thousands separators ("5,126"). Hashtags and mentions are parsed from the message.
/// </summary>
internal sealed class CrowdTangleCsvFormat : CsvFormat
{
    public override string Name => "crowdtangle";
    public override string Description => "CrowdTangle Facebook historical-data CSV";

    protected override IReadOnlyList<string> RequiredColumns { get; } = ["Facebook Id", "Post Created", "URL", "Message"];

    protected override Post Map(CsvRow row)
    {
        var url = row.Required("URL");
        var created = Timestamps.ParseWithZoneAbbreviation(row["Post Created"], out var error)
            ?? throw new RecordException($"column 'Post Created': {error ?? "empty"}");
        var message = row["Message"] ?? "";
        var text = string.Join("\n\n", new[] { message, row["Image Text"], row["Link Text"], row["Description"] }.Where(t => !string.IsNullOrEmpty(t)));
        return new Post
        {
            Platform = "facebook",
            Id = PostIdFromUrl(url),
            AuthorId = row.Required("Facebook Id"),
            AuthorHandle = row["User Name"],
            AuthorCreatedAt = Timestamps.ParseIso(row["Page Created"]),
            CreatedAt = created,
            Text = text,
            Urls = new[] { row["Link"], row["Final Link"] }.OfType<string>().Where(u => !u.Equals(url, StringComparison.Ordinal)).ToArray(),
            Hashtags = EntityExtractor.Hashtags(message),
            Mentions = EntityExtractor.Mentions(message),
            Likes = Counts.Parse(row["Likes"]),
            Replies = Counts.Parse(row["Comments"]),
            Reposts = Counts.Parse(row["Shares"]),
            Views = Counts.Parse(row["Post Views"]) ?? Counts.Parse(row["Total Views"]),
        };
    }

    /// <summary>The last path segment of the post URL (pfbid…, a video or photo id).</summary>
    private static string PostIdFromUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length > 1
            ? uri.Segments[^1].TrimEnd('/')
            : throw new RecordException($"column 'URL' is not a post URL: '{url}'");
}
