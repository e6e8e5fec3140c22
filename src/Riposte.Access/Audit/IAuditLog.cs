using Riposte.Storage.Access;

namespace Riposte.Access.Audit;

/// <summary>The append-only, hash-chained log of every read and write decision.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry and returns it once stored.</summary>
    AuditRecord Append(AuditEvent auditEvent);

    /// <summary>
    /// Queues an entry and returns at once; the task completes when it is stored. Entries are stored in
    /// the order they were appended, whichever of the two methods appended them.
    /// </summary>
    Task<AuditRecord> AppendAsync(AuditEvent auditEvent) => Task.FromResult(Append(auditEvent));

    /// <summary>Entries matching the filter, newest first.</summary>
    IReadOnlyList<AuditRecord> Query(AuditFilter filter);

    /// <summary>
    /// Walks the chain and reports the first edited, deleted or reordered entry. Pass a head kept
    /// elsewhere (<see cref="AuditVerification.HeadSequence"/>, <see cref="AuditVerification.HeadHash"/>)
    /// to also detect entries cut from the end.
    /// </summary>
    AuditVerification Verify(long? expectedHeadSequence = null, string? expectedHeadHash = null);
}
