using System.Diagnostics;
using Riposte.Analytics.Posts;
using Riposte.Detection.Graph;
using Riposte.Detection.Interning;
using Riposte.Detection.Scoring;
using Riposte.Detection.Signals;
using Riposte.Detection.Text;

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
        var table = PostTableBuilder.Build(posts, new NearDuplicateGrouper(seed: _options.Seed), _options.MinTextWords);
        MemoryRelief.AtStageBoundary();
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
        var cohort = CohortLinks.Build(table, o);
        timings["signal " + SignalKind.CreationCohort] = clock.Elapsed;
        var builders = new (Func<Occurrences> Occurrences, TimeSpan Window)[]
        {
            (() => OccurrenceBuilder.NearDuplicateText(table, o), o.TextWindow),
            (() => OccurrenceBuilder.CoRepost(table), o.CoRepostWindow),
            (() => OccurrenceBuilder.CoLink(table), o.CoLinkWindow),
            (() => OccurrenceBuilder.CoReply(table), o.CoReplyWindow),
            (() => OccurrenceBuilder.HashtagSequence(table), o.HashtagWindow),
        };
        var graphBuilder = new AccountGraphBuilder(table.AccountCount, cohort, o);
        var evidence = new SignalItems[builders.Length];
        var signalTime = new TimeSpan[builders.Length];
        // Each signal is folded into the graph as soon as its turn comes and its pair maps dropped, so at most
        // MaxSignalsAtOnce signals' pairs are in memory at a time.
        OrderedFold.Run(builders.Length, MaxSignalsAtOnce,
            i =>
            {
                var started = Stopwatch.GetTimestamp();
                var signal = PairCounter.Compute(builders[i].Occurrences(), table, Seconds(builders[i].Window), sync, maxItem, o.MinDistinctItems);
                signalTime[i] = Stopwatch.GetElapsedTime(started);
                return signal;
            },
            (i, signal) =>
            {
                evidence[i] = signal.Items.Shared();
                graphBuilder.Add(signal);
            },
            afterEach: MemoryRelief.AtStageBoundary);
        for (var i = 0; i < evidence.Length; i++)
            timings["signal " + evidence[i].Kind] = signalTime[i];
        timings["signals"] = clock.Elapsed;

        clock.Restart();
        var graph = graphBuilder.Build();
        timings["graph"] = clock.Elapsed;

        clock.Restart();
        var community = Louvain.Detect(graph.Graph, o.Resolution, o.Seed);
        timings["cluster"] = clock.Elapsed;

        clock.Restart();
        var clusters = ClusterBuilder.Build(table, graph, community, [.. evidence, cohort.Items], o);
        timings["score"] = clock.Elapsed;

        var pairs = graphBuilder.PairsPerSignal.ToDictionary(kv => kv.Key, kv => (int)Math.Min(int.MaxValue, kv.Value));
        var stats = new DetectionStatistics(table.Count, table.AccountCount, pairs, graph.Graph.NodeCount,
            graph.EdgeSignals.Count, timings);
        return new CoordinationResult(clusters, stats);
    }

    /// <summary>Two: enough to keep both cores of a small machine busy while capping the pairs held at once.</summary>
    private static int MaxSignalsAtOnce => Math.Clamp(Environment.ProcessorCount, 1, 2);

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}
