using System.Collections.Frozen;

namespace Riposte.Stix;

/// <summary>What kind of STIX object a type is (STIX 2.1 sections 4–8).</summary>
public enum StixCategory
{
    /// <summary>A type the specification does not define (a custom object or one defined by an extension).</summary>
    Unknown,
    Domain,
    Relationship,
    CyberObservable,
    Meta,
    Bundle,
}

/// <summary>The object types STIX 2.1 defines, by category.</summary>
public static class StixTypes
{
    public static readonly FrozenSet<string> DomainObjects = FrozenSet.Create(StringComparer.Ordinal,
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
        "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
        "opinion", "report", "threat-actor", "tool", "vulnerability");

    public static readonly FrozenSet<string> RelationshipObjects = FrozenSet.Create(StringComparer.Ordinal, "relationship", "sighting");

    public static readonly FrozenSet<string> CyberObservables = FrozenSet.Create(StringComparer.Ordinal,
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate");

    public static readonly FrozenSet<string> MetaObjects = FrozenSet.Create(StringComparer.Ordinal,
        "marking-definition", "extension-definition", "language-content");

    public static StixCategory CategoryOf(string type) => CategoryOf(type.AsSpan());

    public static StixCategory CategoryOf(ReadOnlySpan<char> type)
    {
        if (DomainObjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(type))
            return StixCategory.Domain;
        if (CyberObservables.GetAlternateLookup<ReadOnlySpan<char>>().Contains(type))
            return StixCategory.CyberObservable;
        if (RelationshipObjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(type))
            return StixCategory.Relationship;
        if (MetaObjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(type))
            return StixCategory.Meta;
        return type.SequenceEqual("bundle") ? StixCategory.Bundle : StixCategory.Unknown;
    }
}
