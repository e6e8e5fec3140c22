namespace Riposte.Detection;

/// <summary>A group of accounts that behave in a coordinated way, with the evidence for it.</summary>
public sealed record CoordinatedCluster
{
    /// <summary>Stable within one run: clusters are numbered by descending score.</summary>
    public required string Id { get; init; }

    /// <summary>0..1; higher is more clearly coordinated (see docs/detection.md).</summary>
    public required double Score { get; init; }

    public required IReadOnlyList<ClusterMember> Members { get; init; }

    /// <summary>Per signal, the summed weight of the cluster's internal edges that came from it.</summary>
    public required IReadOnlyDictionary<SignalKind, double> SignalBreakdown { get; init; }

    /// <summary>The items two or more members posted on together, strongest first.</summary>
    public required IReadOnlyList<SharedItem> SharedItems { get; init; }

    public required DateTimeOffset FirstObserved { get; init; }
    public required DateTimeOffset LastObserved { get; init; }

    /// <summary>Share of possible member pairs that are linked.</summary>
    public required double Density { get; init; }

    /// <summary>The weighted links between members (the cluster's edges in the account graph).</summary>
    public required IReadOnlyList<AccountLink> Links { get; init; }

    /// <summary>The signal that carries most of the cluster's weight.</summary>
    public SignalKind DominantSignal => SignalBreakdown.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
}

/// <summary>One account of a cluster.</summary>
public sealed record ClusterMember(string AccountId, string? Handle, string? Platform, DateTimeOffset? CreatedAt, int Posts, double Strength);

/// <summary>An item (post, URL, text, hashtag sequence, creation day) several members posted on together.</summary>
public sealed record SharedItem(SignalKind Signal, string Key, IReadOnlyList<SharedPost> Posts)
{
    public int AccountCount => Posts.Select(p => p.AccountId).Distinct(StringComparer.Ordinal).Count();
    public DateTimeOffset FirstPosted => Posts.Min(p => p.Time);
    public DateTimeOffset LastPosted => Posts.Max(p => p.Time);
}

/// <summary>An edge of the account graph: the combined weight and what each signal contributed.</summary>
public sealed record AccountLink(string AccountA, string AccountB, double Weight, IReadOnlyDictionary<SignalKind, double> Signals);

/// <summary>A member's post on a shared item.</summary>
public sealed record SharedPost(string PostId, string AccountId, DateTimeOffset Time);

/// <summary>The detector's output.</summary>
public sealed record CoordinationResult(IReadOnlyList<CoordinatedCluster> Clusters, DetectionStatistics Statistics);

/// <summary>Sizes and timings of one run.</summary>
public sealed record DetectionStatistics(
    int Posts,
    int Accounts,
    IReadOnlyDictionary<SignalKind, int> PairsPerSignal,
    int GraphNodes,
    int GraphEdges,
    IReadOnlyDictionary<string, TimeSpan> Timings);
