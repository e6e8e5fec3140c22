using System.Text;
using Riposte.Analytics.Ingest;
using Riposte.Analytics.Posts;

namespace Riposte.Analytics.Tests;

/// <summary>A record as a test keeps it (the reader's raw bytes are only valid while reading).</summary>
internal sealed record ReadRecord(RecordKind Kind, Post? Post, string? Reason, RecordLocation Location, byte[] Raw);

/// <summary>Reads the shared sample exports and in-memory texts the way the ingestor does.</summary>
internal static class Samples
{
    public static string PathOf(string folder, string file) => TestPaths.SharedFile("data", "formats", folder, file);

    public static IPostFormat? Sniff(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return PostFormats.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, PostFormats.HeadSize)), Path.GetFileName(path));
    }

    public static List<ReadRecord> Read(string folder, string file)
    {
        var path = PathOf(folder, file);
        var format = Sniff(path) ?? throw new InvalidOperationException($"no format recognised {path}");
        using var stream = File.OpenRead(path);
        return Collect(format.Read(stream, file));
    }

    /// <summary>The posts of a sample after the ingest normalisation (canonical URLs), keyed by id.</summary>
    public static Dictionary<string, Post> Posts(string folder, string file)
    {
        var enricher = new PostEnricher(null);
        return Read(folder, file).Where(r => r.Post is not null).Select(r => enricher.Enrich(r.Post!)).ToDictionary(p => p.Id);
    }

    public static List<ReadRecord> ReadText(string formatName, string content, string fileName = "input")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return Collect(PostFormats.ByName(formatName).Read(stream, fileName));
    }

    private static List<ReadRecord> Collect(IEnumerable<RecordResult> results) =>
        results.Select(r => new ReadRecord(r.Kind, r.Post, r.Reason, r.Location, r.Raw.ToArray())).ToList();

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
}
