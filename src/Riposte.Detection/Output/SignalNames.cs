namespace Riposte.Detection.Output;

/// <summary>The kebab-case names signals have in every output file.</summary>
public static class SignalNames
{
    public static string Of(SignalKind kind) => kind switch
    {
        SignalKind.CoRepost => "co-repost",
        SignalKind.CoLink => "co-link",
        SignalKind.CoReply => "co-reply",
        SignalKind.NearDuplicateText => "near-duplicate-text",
        SignalKind.HashtagSequence => "hashtag-sequence",
        SignalKind.Synchrony => "synchrony",
        SignalKind.CreationCohort => "creation-cohort",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown signal"),
    };
}
