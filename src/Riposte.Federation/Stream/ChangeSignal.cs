namespace Riposte.Federation.Stream;

/// <summary>
/// Wakes every waiting stream when the store changes, so an event leaves within milliseconds of the
/// write instead of at the next poll. Waiters still re-read the store: a missed pulse costs latency, never data.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next change.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    public void Pulse()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}
