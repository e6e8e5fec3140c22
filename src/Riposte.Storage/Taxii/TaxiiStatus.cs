namespace Riposte.Storage.Taxii;

/// <summary>What happened to one object of a TAXII POST (TAXII 2.1 status-details).</summary>
/// <param name="Id">The object's id as received ("" when the element had none).</param>
/// <param name="Version">The object's version (modified, else created; "" when it had neither).</param>
/// <param name="Message">Why it failed, or a note on a success (e.g. already stored).</param>
public sealed record TaxiiStatusDetail(string Id, string Version, string? Message = null);

/// <summary>
/// A TAXII 2.1 status resource: the outcome of one POST to a collection's objects endpoint.
/// Only its owner may read it, because its details name the objects posted.
/// </summary>
public sealed record TaxiiStatus
{
    public required string Id { get; init; }

    /// <summary>The user who made the request; nobody else is shown the status.</summary>
    public required string OwnerUserId { get; init; }

    public required string CollectionId { get; init; }
    public required DateTimeOffset RequestTimestamp { get; init; }
    public IReadOnlyList<TaxiiStatusDetail> Successes { get; init; } = [];
    public IReadOnlyList<TaxiiStatusDetail> Failures { get; init; } = [];
    public IReadOnlyList<TaxiiStatusDetail> Pendings { get; init; } = [];

    /// <summary>"complete" when nothing is pending, else "pending" (TAXII 2.1 §4.3.1).</summary>
    public string Status => Pendings.Count == 0 ? "complete" : "pending";

    public int TotalCount => Successes.Count + Failures.Count + Pendings.Count;
}

/// <summary>Keeps TAXII status resources so clients can fetch them after their POST.</summary>
public interface ITaxiiStatusStore
{
    void Save(TaxiiStatus status);

    /// <summary>The status with this id, or null.</summary>
    TaxiiStatus? Get(string id);
}
