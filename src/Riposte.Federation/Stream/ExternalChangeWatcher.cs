using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Riposte.Federation.Sync;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Stream;

/// <summary>
/// Notices changes committed by other processes on the same database (the command line, another replica),
/// which never pulse this process's <see cref="ChangeSignal"/>: while a stream or a pusher is serving, it
/// compares the store's highest sequence and the change log's newest entry every
/// <see cref="FederationOptions.ExternalChangeInterval"/> and pulses when either moved. Two indexed reads per tick.
/// </summary>
public sealed class ExternalChangeWatcher(IStixStore store, IFederationRepository federation, ChangeSignal signal,
    IOptions<FederationOptions> options, TimeProvider time, ILogger<ExternalChangeWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (long Sequence, long Log)? seen = null;
        using var timer = new PeriodicTimer(options.Value.ExternalChangeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!signal.Watched)
                {
                    // Nobody to wake: no reads. The first tick of the next serving pulses once, for what came in between.
                    seen = null;
                    continue;
                }
                try
                {
                    var now = (StoreHead.Find(store, seen?.Sequence ?? 0), federation.LastTombstone());
                    if (now != seen)
                        signal.Pulse();
                    seen = now;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy or briefly locked database: the next tick tries again; the heartbeat remains the backstop.
                    FederationLog.WatchFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
