namespace Riposte.Storage.Access;

/// <summary>One audit log entry as stored. <paramref name="Sequence"/> starts at 1 and has no gaps.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string UserId,
    string OrganizationId,
    string Action,
    string? ObjectId,
    string? CollectionId,
    string? RemoteAddress,
    bool Allowed,
    string? Reason,
    string PreviousHash,
    string Hash);

/// <summary>Filters over the audit log; nulls mean "any". All combine with AND.</summary>
public sealed record AuditFilter
{
    public string? UserId { get; init; }
    public string? OrganizationId { get; init; }
    public string? Action { get; init; }

    /// <summary>Entries about this object id (or this collection id).</summary>
    public string? ObjectId { get; init; }

    public string? CollectionId { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries strictly before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    public bool? Allowed { get; init; }

    /// <summary>Newest entries are returned first; at most this many.</summary>
    public int Limit { get; init; } = 1000;
}

/// <summary>Append-only storage of the audit hash chain. There is deliberately no update or delete.</summary>
public interface IAuditRepository
{
    /// <summary>
    /// Appends one entry atomically: reads the last entry (null when empty), lets
    /// <paramref name="seal"/> build the sealed entry (sequence, previous hash and hash) from it,
    /// and inserts it in the same transaction, so concurrent writers cannot fork the chain.
    /// </summary>
    AuditRecord Append(Func<AuditRecord?, AuditRecord> seal);

    /// <summary>
    /// Appends several entries in order, each sealed after the one before it (the first after the last
    /// stored entry). A provider should write them in one transaction: one commit for many entries is
    /// what lets a busy node audit every request. This default appends them one by one.
    /// </summary>
    IReadOnlyList<AuditRecord> AppendAll(IReadOnlyList<Func<AuditRecord?, AuditRecord>> seals)
    {
        ArgumentNullException.ThrowIfNull(seals);
        var records = new AuditRecord[seals.Count];
        for (var i = 0; i < seals.Count; i++)
            records[i] = Append(seals[i]);
        return records;
    }

    IReadOnlyList<AuditRecord> Query(AuditFilter filter);

    /// <summary>Every entry in stored order (by sequence), for verification.</summary>
    IEnumerable<AuditRecord> ReadAll();
}
