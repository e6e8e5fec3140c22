using Riposte.Storage.Access;

namespace Riposte.Access.Audit;

/// <summary>The append-only, hash-chained log of every read and write decision.</summary>
public interface IAuditLog
{
    AuditRecord Append(AuditEvent auditEvent);

    /// <summary>Entries matching the filter, newest first.</summary>
    IReadOnlyList<AuditRecord> Query(AuditFilter filter);

    /// <summary>
    /// Walks the chain and reports the first edited, deleted or reordered entry. Pass a head kept
    /// elsewhere (<see cref="AuditVerification.HeadSequence"/>, <see cref="AuditVerification.HeadHash"/>)
    /// to also detect entries cut from the end.
    /// </summary>
    AuditVerification Verify(long? expectedHeadSequence = null, string? expectedHeadHash = null);
}
