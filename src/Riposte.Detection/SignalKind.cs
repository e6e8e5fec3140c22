namespace Riposte.Detection;

/// <summary>The behavioural signals that link two accounts.</summary>
public enum SignalKind
{
    /// <summary>Reposted the same post within the co-repost window.</summary>
    CoRepost,

    /// <summary>Shared the same canonical URL within the co-link window.</summary>
    CoLink,

    /// <summary>Replied to the same post within the co-reply window.</summary>
    CoReply,

    /// <summary>Posted near-duplicate text (MinHash/LSH) within the text window.</summary>
    NearDuplicateText,

    /// <summary>Used the same ordered sequence of two or more hashtags within the hashtag window.</summary>
    HashtagSequence,

    /// <summary>Posted within seconds of each other on many distinct shared items, whatever the signal.</summary>
    Synchrony,

    /// <summary>Created on the same day, silent at the start of the data, then first active together.</summary>
    CreationCohort,
}
