namespace Riposte.Access;

/// <summary>Per-request facts the access services record in the audit log. The web host sets them for each request.</summary>
public sealed class AccessRequestContext
{
    private readonly Lock _lock = new();
    private List<Task>? _pendingAudit;

    /// <summary>The client's address (IP), or a description such as "cli" for local commands.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>
    /// When true, the access services queue this request's audit entries instead of blocking a thread
    /// until each is stored; the host then awaits <see cref="AuditStoredAsync"/> before it answers, so
    /// no answer leaves before its audit entries are in the log. Hosts that do not await leave it false.
    /// </summary>
    public bool DeferAudit { get; set; }

    /// <summary>Remembers an audit entry being stored for this request.</summary>
    public void AddPendingAudit(Task stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_lock)
            (_pendingAudit ??= []).Add(stored);
    }

    /// <summary>Completes when every audit entry of this request is stored; faults when one could not be.</summary>
    public Task AuditStoredAsync()
    {
        lock (_lock)
            return _pendingAudit is null ? Task.CompletedTask : Task.WhenAll(_pendingAudit);
    }
}
