using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>
/// Runs exactly one <see cref="PeerLink"/> per registered peer, re-reading the peer list now and
/// then: a peer added, changed or removed from the command line is started, restarted or stopped.
/// With several replicas only the leader (<see cref="SyncLeadership"/>) runs links; the others check
/// again at every refresh and take over when the leader's process or connection is gone.
/// </summary>
public sealed class PeerSyncService(
    IFederationRepository federation,
    SyncLeadership leadership,
    PeerLinkFactory links,
    IOptions<FederationOptions> options,
    ILogger<PeerSyncService> logger) : BackgroundService
{
    private readonly Dictionary<string, Running> _running = new(StringComparer.Ordinal);

    /// <summary>Names of the peers whose loop runs now.</summary>
    public IReadOnlyCollection<string> RunningPeers
    {
        get
        {
            lock (_running)
                return [.. _running.Keys];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunSync)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (leadership.TryLead())
                        await RefreshAsync(stoppingToken);
                    else
                        await StopAllAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    FederationLog.Failed(logger, "*", "reading the peer list", e.Message);
                }
                await Task.Delay(options.Value.PeerRefreshInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAllAsync();
        }
    }

    private async Task StopAllAsync()
    {
        List<Running> all;
        lock (_running)
        {
            all = [.. _running.Values];
            _running.Clear();
        }
        await Task.WhenAll(all.Select(r => r.StopAsync()));
    }

    private async Task RefreshAsync(CancellationToken stopping)
    {
        var peers = federation.ListPeers().ToDictionary(p => p.Name, StringComparer.Ordinal);
        List<Running> stale;
        lock (_running)
            stale = [.. _running.Values.Where(r => !peers.TryGetValue(r.Peer.Name, out var now) || Signature(now) != Signature(r.Peer))];
        foreach (var running in stale)
        {
            await running.StopAsync();
            lock (_running)
                _running.Remove(running.Peer.Name);
        }
        foreach (var peer in peers.Values)
        {
            lock (_running)
            {
                if (_running.ContainsKey(peer.Name))
                    continue;
            }
            PeerLink link;
            try
            {
                link = links.Create(peer);
            }
            catch (InvalidOperationException e)
            {
                federation.RecordError(peer.Name, DateTimeOffset.UtcNow, e.Message);
                FederationLog.Failed(logger, peer.Name, "starting", e.Message);
                continue;
            }
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            lock (_running)
                _running[peer.Name] = new Running(peer, cancel, Task.Run(() => link.RunAsync(cancel.Token), CancellationToken.None));
        }
    }

    private static string Signature(PeerRecord peer) =>
        string.Join("|", peer.Url, peer.OrganizationId, peer.ProtectedToken, string.Join(",", peer.OutCollections), string.Join(",", peer.InCollections), peer.OutMax, peer.InMax, peer.Push);

    private sealed record Running(PeerRecord Peer, CancellationTokenSource Cancel, Task Loop)
    {
        public async Task StopAsync()
        {
            await Cancel.CancelAsync();
            try
            {
                await Loop;
            }
            catch (OperationCanceledException)
            {
            }
            Cancel.Dispose();
        }
    }
}
