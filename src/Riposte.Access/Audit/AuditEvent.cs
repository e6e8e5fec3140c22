namespace Riposte.Access.Audit;

/// <summary>Something to audit: who did what to which object or collection, from where, and whether it was allowed.</summary>
public sealed record AuditEvent(
    Principal Principal,
    string Action,
    bool Allowed,
    string? Reason = null,
    string? ObjectId = null,
    string? CollectionId = null,
    string? RemoteAddress = null);

/// <summary>The outcome of <see cref="IAuditLog.Verify"/>.</summary>
/// <param name="Entries">How many entries were checked.</param>
/// <param name="HeadSequence">The last entry's sequence (0 when empty): keep it with <paramref name="HeadHash"/> outside the database to detect a cut tail.</param>
/// <param name="BrokenAt">The first sequence where the chain breaks, or null when intact.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record AuditVerification(bool IsIntact, long Entries, long HeadSequence, string HeadHash, long? BrokenAt, string? Problem);
