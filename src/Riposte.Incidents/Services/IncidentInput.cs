namespace Riposte.Incidents.Services;

/// <summary>
/// What an analyst writes about an incident. On create, name and category are required; on update,
/// null means "leave as is" and an empty list clears.
/// </summary>
public sealed record IncidentInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>information-manipulation, election-interference or fundamental-freedoms.</summary>
    public string? Category { get; init; }
    public IReadOnlyList<string>? Subcategories { get; init; }

    /// <summary>RFC 3339 UTC timestamps; on update an empty string clears one.</summary>
    public string? FirstSeen { get; init; }
    public string? LastSeen { get; init; }

    public IReadOnlyList<string>? TargetLocationRefs { get; init; }
    public IReadOnlyList<string>? TargetEvents { get; init; }
    public IReadOnlyList<string>? TargetIdentityRefs { get; init; }
    public IReadOnlyList<string>? TargetSectors { get; init; }
    public IReadOnlyList<string>? Platforms { get; init; }
    public IReadOnlyList<string>? ChannelRefs { get; init; }
    public IReadOnlyList<string>? NarrativeRefs { get; init; }
    public IReadOnlyList<string>? AccountRefs { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public IReadOnlyList<EvidenceInput>? Evidence { get; init; }
    public string? Impact { get; init; }

    /// <summary>TLP level: clear, green, amber, amber+strict or red. Amber when not given on create.</summary>
    public string? Tlp { get; init; }
}

/// <summary>One evidence item as written: kind (post, cluster, archive, stix, link), reference, optional SHA-256 and note.</summary>
public sealed record EvidenceInput(string Kind, string Ref, string? Sha256 = null, string? Note = null);
