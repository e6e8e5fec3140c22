namespace Riposte.Detection.Signals;

/// <summary>
/// Computes items on a few workers and hands each result to a consumer in index order, as soon as its turn comes.
/// Results are not all held at once (a worker waits with its result until the earlier ones are consumed), and the
/// consumer sees the same order on every run, so floating-point sums come out the same.
/// </summary>
internal static class OrderedFold
{
    /// <param name="afterEach">Runs after each consume, once the result is no longer referenced (to reclaim its memory).</param>
    public static void Run<T>(int count, int workers, Func<int, T> compute, Action<int, T> consume, Action? afterEach = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(consume);
        var gate = new object();
        var claimed = -1;
        var consumed = 0;
        var failed = false;

        void Work()
        {
            int i;
            // Claims rise strictly, so the lowest unconsumed index is always being computed by a worker that does not wait.
            while ((i = Interlocked.Increment(ref claimed)) < count)
            {
                T? result;
                try
                {
                    result = compute(i);
                }
                catch
                {
                    lock (gate)
                    {
                        failed = true;
                        Monitor.PulseAll(gate);
                    }
                    throw;
                }
                lock (gate)
                {
                    while (consumed != i && !failed)
                        Monitor.Wait(gate);
                    if (failed)
                        return;
                    try
                    {
                        consume(i, result);
                        result = null;
                        afterEach?.Invoke();
                    }
                    catch
                    {
                        failed = true;
                        throw;
                    }
                    finally
                    {
                        consumed++;
                        Monitor.PulseAll(gate);
                    }
                }
            }
        }

        var tasks = Enumerable.Range(0, Math.Clamp(workers, 1, Math.Max(1, count)))
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(tasks);
    }
}
