using Riposte.Storage.Access;

namespace Riposte.Access.Audit;

public sealed class AuditLog(IAccessRepositories repositories, TimeProvider time) : IAuditLog
{
    public AuditRecord Append(AuditEvent auditEvent)
    {
        var at = time.GetUtcNow();
        return repositories.Audit.Append(head => AuditChain.Seal(head, auditEvent, at));
    }

    public IReadOnlyList<AuditRecord> Query(AuditFilter filter) => repositories.Audit.Query(filter);

    public AuditVerification Verify(long? expectedHeadSequence = null, string? expectedHeadHash = null) =>
        AuditChain.Verify(repositories.Audit.ReadAll(), expectedHeadSequence, expectedHeadHash);
}
