namespace Riposte.Federation.Stream;

/// <summary>
/// Wakes every waiting stream when the store changes, so an event leaves within milliseconds of the
/// write instead of at the next poll. Waiters still re-read the store: a missed pulse costs latency, never data.
/// Readers hold a <see cref="Watch"/> lease while they serve, so changes made by other processes are looked for only then.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _watchers;

    /// <summary>A task that completes at the next change.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    /// <summary>Whether a stream or a pusher is serving now.</summary>
    public bool Watched => Volatile.Read(ref _watchers) > 0;

    public void Pulse()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }

    /// <summary>Counts a reader as waiting for changes until the lease is disposed.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Lease(this);
    }

    private sealed class Lease(ChangeSignal signal) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref signal._watchers);
        }
    }
}
