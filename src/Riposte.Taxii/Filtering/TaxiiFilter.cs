using Riposte.Stix;

namespace Riposte.Taxii.Filtering;

/// <summary>Which URL parameters (§3.4) an endpoint supports.</summary>
[Flags]
public enum FilterFields
{
    None = 0,
    AddedAfter = 1,
    Limit = 2,
    Next = 4,
    MatchId = 8,
    MatchType = 16,
    MatchVersion = 32,
    MatchSpecVersion = 64,

    Paging = AddedAfter | Limit | Next,

    /// <summary>GET objects/ and manifest/.</summary>
    Collection = Paging | MatchId | MatchType | MatchVersion | MatchSpecVersion,

    /// <summary>GET objects/{id}/.</summary>
    Object = Paging | MatchVersion | MatchSpecVersion,

    /// <summary>DELETE objects/{id}/.</summary>
    Delete = MatchVersion | MatchSpecVersion,

    /// <summary>GET objects/{id}/versions/.</summary>
    Versions = Paging | MatchSpecVersion,
}

/// <summary>A request's filters, validated. Values within one field combine with OR, fields with AND.</summary>
public sealed record TaxiiFilter
{
    public StixTimestamp? AddedAfter { get; init; }

    /// <summary>The page size: the client's limit capped at the server's maximum.</summary>
    public required int Limit { get; init; }

    /// <summary>The opaque paging token as sent, not yet verified.</summary>
    public string? Next { get; init; }

    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> SpecVersions { get; init; } = [];
    public required VersionMatch Versions { get; init; }

    /// <summary>
    /// A canonical text of everything that selects objects (not the page size or the token), so a
    /// next token can be bound to the query it was issued for.
    /// </summary>
    public string Fingerprint() => string.Join('\n',
        AddedAfter?.SortKey ?? "",
        string.Join(',', Ids.Order(StringComparer.Ordinal)),
        string.Join(',', Types.Order(StringComparer.Ordinal)),
        string.Join(',', SpecVersions.Order(StringComparer.Ordinal)),
        Versions.ToString());
}
