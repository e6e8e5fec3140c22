namespace Riposte.Detection.Output;

/// <summary>A DISARM technique with the STIX id DISARM publishes for it.</summary>
public sealed record DisarmTechnique(string ExternalId, string Name, string StixId)
{
    public string Url => $"https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/{ExternalId}.md";
}

/// <summary>
/// Which DISARM techniques each signal's behaviour matches (docs/detection.md explains the choice).
/// Ids as in DISARM's techniques.csv; a test checks them against that file.
/// </summary>
public static class DisarmMapping
{
    public static readonly DisarmTechnique FloodInformationSpace = new("T0049", "Flood Information Space", "attack-pattern--0c765d19-99b2-4703-af48-e20a677c4bfc");
    public static readonly DisarmTechnique FloodExistingHashtag = new("T0049.002", "Flood Existing Hashtag", "attack-pattern--bfce790b-dfd6-46ca-8fab-c2d72f21bba2");
    public static readonly DisarmTechnique BotsAmplifyReposting = new("T0049.003", "Bots Amplify via Automated Forwarding and Reposting", "attack-pattern--e6ab2793-a059-4354-bb60-045afb019833");
    public static readonly DisarmTechnique ConductSwarming = new("T0049.005", "Conduct Swarming", "attack-pattern--ce5b400c-6f82-4095-936b-617857800da8");
    public static readonly DisarmTechnique CreateNewHashtag = new("T0015.002", "Create New Hashtag", "attack-pattern--260869f6-be18-4475-b35e-27fb52203abc");
    public static readonly DisarmTechnique InauthenticComment = new("T0116.001", "Post Inauthentic Social Media Comment", "attack-pattern--5251f6d0-6820-4617-afef-a0d8acafd3c1");
    public static readonly DisarmTechnique AcquireBotnets = new("T0093.002", "Acquire Botnets", "attack-pattern--c7017017-4965-4dad-a970-e748b7080a19");

    public static IReadOnlyList<DisarmTechnique> All { get; } =
    [
        FloodInformationSpace, FloodExistingHashtag, BotsAmplifyReposting, ConductSwarming, CreateNewHashtag, InauthenticComment, AcquireBotnets,
    ];

    /// <summary>The techniques a signal's behaviour matches.</summary>
    public static IReadOnlyList<DisarmTechnique> For(SignalKind signal) => signal switch
    {
        SignalKind.CoRepost => [BotsAmplifyReposting],
        SignalKind.CoLink => [ConductSwarming],
        SignalKind.CoReply => [InauthenticComment],
        SignalKind.NearDuplicateText => [FloodInformationSpace],
        SignalKind.HashtagSequence => [FloodExistingHashtag, CreateNewHashtag],
        SignalKind.Synchrony => [ConductSwarming],
        SignalKind.CreationCohort => [AcquireBotnets],
        _ => [],
    };

    /// <summary>
    /// The techniques a cluster matches: those of every signal carrying at least a tenth of its
    /// weight, strongest signal first.
    /// </summary>
    public static IReadOnlyList<DisarmTechnique> For(CoordinatedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var total = cluster.SignalBreakdown.Values.Sum();
        return [.. cluster.SignalBreakdown
            .Where(kv => total > 0 && kv.Value >= 0.1 * total)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .SelectMany(kv => For(kv.Key))
            .Distinct()];
    }
}
