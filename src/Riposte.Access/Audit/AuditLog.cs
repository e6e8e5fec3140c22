using System.Collections.Concurrent;
using Riposte.Storage.Access;

namespace Riposte.Access.Audit;

/// <summary>
/// The audit log with group commit: every append goes through one queue, and one writer thread seals
/// and stores whatever has queued up in one transaction. Many requests at once therefore cost one
/// write lock and one commit instead of one each, and no request thread waits in the database's busy
/// handler behind the STIX store's writer. Entries keep the order in which they were appended.
/// </summary>
public sealed class AuditLog(IAccessRepositories repositories, TimeProvider time) : IAuditLog, IDisposable
{
    // Bounds one transaction, so a backlog drains in steps that other writers can interleave with.
    private const int MaxBatch = 512;

    private readonly BlockingCollection<Pending> _queue = [];
    private readonly Lock _start = new();
    private Thread? _writer;

    // The writer is a dedicated thread, so blocking here never waits for a thread-pool thread.
    public AuditRecord Append(AuditEvent auditEvent) => AppendAsync(auditEvent).GetAwaiter().GetResult();

    public Task<AuditRecord> AppendAsync(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        // The time of the event, not of the commit.
        var pending = new Pending(auditEvent, time.GetUtcNow());
        EnsureWriter();
        _queue.Add(pending);
        return pending.Completion.Task;
    }

    public IReadOnlyList<AuditRecord> Query(AuditFilter filter) => repositories.Audit.Query(filter);

    public AuditVerification Verify(long? expectedHeadSequence = null, string? expectedHeadHash = null) =>
        AuditChain.Verify(repositories.Audit.ReadAll(), expectedHeadSequence, expectedHeadHash);

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer?.Join();
        _queue.Dispose();
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
            return;
        lock (_start)
        {
            if (_writer is not null)
                return;
            var writer = new Thread(WriteLoop) { IsBackground = true, Name = "Riposte audit writer" };
            writer.Start();
            _writer = writer;
        }
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
                batch.Add(next);
            Write(batch);
            batch.Clear();
        }
    }

    private void Write(List<Pending> batch)
    {
        try
        {
            var seals = batch.Select(p => (Func<AuditRecord?, AuditRecord>)(head => AuditChain.Seal(head, p.Event, p.At))).ToList();
            var records = repositories.Audit.AppendAll(seals);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Completion.TrySetResult(records[i]);
        }
        catch (Exception e)
        {
            // Nothing of the batch was stored (one transaction): every appender learns it.
            foreach (var pending in batch)
                pending.Completion.TrySetException(e);
        }
    }

    private sealed record Pending(AuditEvent Event, DateTimeOffset At)
    {
        // Continuations run on the thread pool, never on the writer thread.
        public TaskCompletionSource<AuditRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
