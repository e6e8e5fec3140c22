namespace Riposte.Detection;

/// <summary>
/// Tuning of <see cref="CoordinationDetector"/>. The defaults are the documented operating point
/// (docs/detection.md); time range, platform and language filters are applied by the caller to
/// the posts it passes in.
/// </summary>
public sealed record CoordinationOptions
{
    /// <summary>Two reposts of the same post count together when at most this far apart.</summary>
    public TimeSpan CoRepostWindow { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan CoLinkWindow { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan CoReplyWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Wider than the others: copy-pasted text is often released over an hour or two.</summary>
    public TimeSpan TextWindow { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Hashtag storms last hours; posts of one storm chain within this gap.</summary>
    public TimeSpan HashtagWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Posts on a shared item this close in time count as synchronised.</summary>
    public TimeSpan SynchronyWindow { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Accounts of one creation-day cohort whose first posts fall within this window woke up together.</summary>
    public TimeSpan CohortWakeWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>An account silent this long after the first post of the data counts as dormant before waking.</summary>
    public TimeSpan CohortMinDormancy { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A pair must co-occur on at least this many distinct items of one signal for it to count.</summary>
    public int MinDistinctItems { get; init; } = 2;

    /// <summary>
    /// A pair's items must come from at least this many distinct sources (reposted authors, first
    /// posters): followers of one idol or staff of one outlet share one source. Co-reposts need three
    /// because campaigns amplify their seeders plus others; the rest need two.
    /// </summary>
    public IReadOnlyDictionary<SignalKind, int> MinDistinctSources { get; init; } = new Dictionary<SignalKind, int>
    {
        [SignalKind.CoRepost] = 3,
        [SignalKind.CoLink] = 2,
        [SignalKind.CoReply] = 2,
        [SignalKind.NearDuplicateText] = 2,
        [SignalKind.HashtagSequence] = 2,
        [SignalKind.Synchrony] = 3,
        [SignalKind.CreationCohort] = 1,
    };

    /// <summary>Added to each account's activity norm so that similarities resting on two or three posts shrink.</summary>
    public double NormPseudoCount { get; init; } = 1.0;

    /// <summary>Items (one post, URL, text or hashtag burst) with more accounts than this say nothing about any pair and are skipped.</summary>
    public int MaxItemAccounts { get; init; } = 300;

    /// <summary>Near-duplicate threshold on the estimated Jaccard similarity of word shingles.</summary>
    public double TextSimilarity { get; init; } = 0.5;

    /// <summary>Texts with fewer normalised words than this are too short to call near-duplicates.</summary>
    public int MinTextWords { get; init; } = 6;

    /// <summary>Combined edges lighter than this are dropped before clustering.</summary>
    public double MinEdgeWeight { get; init; } = 0.05;

    /// <summary>Clusters smaller than this are not reported.</summary>
    public int MinClusterSize { get; init; } = 5;

    /// <summary>Members whose strength inside their cluster is below this share of the median member's are peeled off.</summary>
    public double PeelFraction { get; init; } = 0.25;

    /// <summary>Clusters scoring below this are not reported.</summary>
    public double MinClusterScore { get; init; } = 0.3;

    /// <summary>Louvain resolution (1 = modularity).</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seed of every random choice, so a run is reproducible.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Relative weight of each signal in the combined account graph.</summary>
    public IReadOnlyDictionary<SignalKind, double> SignalWeights { get; init; } = new Dictionary<SignalKind, double>
    {
        [SignalKind.CoRepost] = 1.0,
        [SignalKind.CoLink] = 1.0,
        [SignalKind.CoReply] = 1.0,
        [SignalKind.NearDuplicateText] = 1.0,
        [SignalKind.HashtagSequence] = 1.0,
        [SignalKind.Synchrony] = 0.5,
        [SignalKind.CreationCohort] = 0.3,
    };

    public int MinSourcesOf(SignalKind kind) => MinDistinctSources.TryGetValue(kind, out var n) ? n : 2;

    public double WeightOf(SignalKind kind) => SignalWeights.TryGetValue(kind, out var w) ? w : 0.0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that makes no sense.</summary>
    public void Validate()
    {
        foreach (var (name, window) in new[]
        {
            (nameof(CoRepostWindow), CoRepostWindow), (nameof(CoLinkWindow), CoLinkWindow), (nameof(CoReplyWindow), CoReplyWindow),
            (nameof(TextWindow), TextWindow), (nameof(HashtagWindow), HashtagWindow), (nameof(SynchronyWindow), SynchronyWindow),
            (nameof(CohortWakeWindow), CohortWakeWindow),
        })
        {
            if (window <= TimeSpan.Zero || window > TimeSpan.FromDays(30))
                throw new ArgumentException($"{name} must be between 1 second and 30 days, was {window}");
        }
        if (MinDistinctItems < 1)
            throw new ArgumentException($"{nameof(MinDistinctItems)} must be at least 1, was {MinDistinctItems}");
        if (MaxItemAccounts < 2)
            throw new ArgumentException($"{nameof(MaxItemAccounts)} must be at least 2, was {MaxItemAccounts}");
        if (TextSimilarity is <= 0 or > 1)
            throw new ArgumentException($"{nameof(TextSimilarity)} must be in (0, 1], was {TextSimilarity}");
        if (MinClusterSize < 2)
            throw new ArgumentException($"{nameof(MinClusterSize)} must be at least 2, was {MinClusterSize}");
        if (Resolution <= 0)
            throw new ArgumentException($"{nameof(Resolution)} must be positive, was {Resolution}");
        if (SignalWeights.Values.Any(w => w < 0 || double.IsNaN(w)))
            throw new ArgumentException($"{nameof(SignalWeights)} must not be negative");
    }
}
