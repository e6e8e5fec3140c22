using System.Diagnostics;
using Riposte.Analytics.Posts;
using Riposte.Detection.Graph;
using Riposte.Detection.Interning;
using Riposte.Detection.Scoring;
using Riposte.Detection.Signals;

namespace Riposte.Detection;

/// <summary>
/// Finds groups of accounts that act in concert: interns the posts into compact arrays, computes
/// the co-repost, co-link, co-reply, near-duplicate text, hashtag-sequence, synchrony and
/// creation-cohort signals, combines them into one weighted account graph, clusters it with
/// Louvain and scores each cluster with its evidence. Filter posts (time range, platform,
/// language) before passing them in.
/// </summary>
public sealed class CoordinationDetector
{
    private readonly CoordinationOptions _options;

    /// <exception cref="ArgumentException">An option makes no sense (the message names it).</exception>
    public CoordinationDetector(CoordinationOptions? options = null)
    {
        _options = options ?? new CoordinationOptions();
        _options.Validate();
    }

    public CoordinationOptions Options => _options;

    public CoordinationResult Detect(IEnumerable<Post> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var clock = Stopwatch.StartNew();
        var table = PostTableBuilder.Build(posts);
        var interned = clock.Elapsed;
        var result = Detect(table);
        var timings = new Dictionary<string, TimeSpan>(result.Statistics.Timings) { ["intern"] = interned };
        return result with { Statistics = result.Statistics with { Timings = timings } };
    }

    internal CoordinationResult Detect(PostTable table)
    {
        var timings = new Dictionary<string, TimeSpan>();
        var clock = Stopwatch.StartNew();
        var o = _options;
        var maxItem = o.MaxItemAccounts;
        var sync = Seconds(o.SynchronyWindow);
        var builders = new (Func<Occurrences> Occurrences, TimeSpan Window)[]
        {
            (() => OccurrenceBuilder.NearDuplicateText(table, o), o.TextWindow),
            (() => OccurrenceBuilder.CoRepost(table), o.CoRepostWindow),
            (() => OccurrenceBuilder.CoLink(table), o.CoLinkWindow),
            (() => OccurrenceBuilder.CoReply(table), o.CoReplyWindow),
            (() => OccurrenceBuilder.HashtagSequence(table), o.HashtagWindow),
        };
        var content = new SignalResult[builders.Length];
        var signalTime = new TimeSpan[builders.Length];
        Parallel.For(0, builders.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var started = Stopwatch.GetTimestamp();
            content[i] = CoOccurrence.Compute(builders[i].Occurrences(), table, Seconds(builders[i].Window), sync, maxItem, o.MinDistinctItems);
            signalTime[i] = Stopwatch.GetElapsedTime(started);
        });
        for (var i = 0; i < content.Length; i++)
            timings["signal " + content[i].Kind] = signalTime[i];
        var cohort = CoOccurrence.Compute(CohortSignal.Occurrences(table, o), table, Seconds(o.CohortWakeWindow), 0, maxItem, 1);
        timings["signals"] = clock.Elapsed;

        clock.Restart();
        var graph = AccountGraph.Build(content, cohort, table.AccountCount, o);
        timings["graph"] = clock.Elapsed;

        clock.Restart();
        var community = Louvain.Detect(graph.Graph, o.Resolution, o.Seed);
        timings["cluster"] = clock.Elapsed;

        clock.Restart();
        var clusters = ClusterBuilder.Build(table, graph, community, [.. content, cohort], o);
        timings["score"] = clock.Elapsed;

        var pairs = content.ToDictionary(s => s.Kind, s => s.Pairs.Count);
        pairs[SignalKind.CreationCohort] = cohort.Pairs.Count;
        var stats = new DetectionStatistics(table.Count, table.AccountCount, pairs, graph.Graph.NodeCount,
            graph.EdgeSignals.Count, timings);
        return new CoordinationResult(clusters, stats);
    }

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
