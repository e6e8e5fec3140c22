namespace Riposte.Storage;

/// <summary>Filters over the store. Empty lists and nulls mean "no filter". All filters combine with AND.</summary>
public sealed record StixQuery
{
    public IReadOnlyList<string> Ids { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Only objects in this collection.</summary>
    public string? CollectionId { get; init; }

    /// <summary>Which versions: latest (default), first, all, or the given version timestamps.</summary>
    public VersionFilter Versions { get; init; } = VersionFilter.Latest;

    /// <summary>Exact version texts (modified) to return, used with <see cref="VersionFilter.Exact"/>.</summary>
    public IReadOnlyList<string> ExactVersions { get; init; } = [];

    /// <summary>Objects whose modified (else created) is within [From, To).</summary>
    public DateTimeOffset? ModifiedFrom { get; init; }
    public DateTimeOffset? ModifiedTo { get; init; }

    /// <summary>TAXII <c>added_after</c>: date_added strictly after this instant.</summary>
    public DateTimeOffset? AddedAfter { get; init; }

    /// <summary>Resume after this insertion sequence (paging cursor).</summary>
    public long? AfterSequence { get; init; }

    public IReadOnlyList<string> MarkingRefs { get; init; } = [];
    public string? CreatedByRef { get; init; }
    public string? Label { get; init; }

    /// <summary>An <c>external_id</c> such as a DISARM technique id <c>T0049.003</c>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Objects related (either direction) to this id, and the relationships themselves.</summary>
    public string? RelatedTo { get; init; }

    /// <summary>Relationships and sightings whose <c>source_ref</c> is one of these ids (one query for many sources).</summary>
    public IReadOnlyList<string> SourceRefs { get; init; } = [];

    public IReadOnlyList<string> SpecVersions { get; init; } = [];

    public int? Limit { get; init; }
}

public enum VersionFilter
{
    Latest,
    First,
    All,
    Exact,
}
