namespace Riposte.Taxii.Resources;

// The TAXII 2.1 resources (§4, §5), serialized with snake_case names and absent optional properties
// left out, as the specification writes them.

/// <summary>§4.1.1 discovery.</summary>
public sealed record DiscoveryResource(string Title, string? Description, string? Contact, string? Default, IReadOnlyList<string>? ApiRoots);

/// <summary>§4.2.1 api-root.</summary>
public sealed record ApiRootResource(string Title, string? Description, IReadOnlyList<string> Versions, long MaxContentLength);

/// <summary>§5.2.1 collection.</summary>
public sealed record CollectionResource(string Id, string Title, string? Description, string? Alias, bool CanRead, bool CanWrite, IReadOnlyList<string>? MediaTypes);

/// <summary>§5.1.1 collections; <c>collections</c> is absent when the client may see none.</summary>
public sealed record CollectionsResource(IReadOnlyList<CollectionResource>? Collections);

/// <summary>§5.3.2 manifest-record.</summary>
public sealed record ManifestRecord(string Id, string DateAdded, string Version, string? MediaType);

/// <summary>
/// §5.3.1 manifest. <c>next</c> is not in the 2.1 text but the TC accepted its absence as an
/// erratum (oasis-tcs/cti-taxii2#110); clients that do not know it ignore it.
/// </summary>
public sealed record ManifestResource(bool More, string? Next, IReadOnlyList<ManifestRecord>? Objects);

/// <summary>§5.8.1 versions (with <c>next</c> as for the manifest).</summary>
public sealed record VersionsResource(bool More, string? Next, IReadOnlyList<string>? Versions);

/// <summary>§4.3.2 status-details.</summary>
public sealed record StatusDetailResource(string Id, string Version, string? Message);

/// <summary>§4.3.1 status.</summary>
public sealed record StatusResource(
    string Id,
    string Status,
    string? RequestTimestamp,
    int TotalCount,
    int SuccessCount,
    IReadOnlyList<StatusDetailResource>? Successes,
    int FailureCount,
    IReadOnlyList<StatusDetailResource>? Failures,
    int PendingCount,
    IReadOnlyList<StatusDetailResource>? Pendings);

/// <summary>§3.6.1 error message.</summary>
public sealed record TaxiiError(
    string Title,
    string? Description = null,
    string? ErrorId = null,
    string? ErrorCode = null,
    string? HttpStatus = null,
    string? ExternalDetails = null,
    IReadOnlyDictionary<string, string>? Details = null);
