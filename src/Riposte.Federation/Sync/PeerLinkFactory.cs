using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>Builds a peer's loop with its decrypted token; one HTTP handler is shared by every peer (connection pooling).</summary>
public sealed class PeerLinkFactory(
    IncomingApplier applier,
    PeerPusher pusher,
    TaxiiPoller poller,
    IFederationRepository federation,
    FederationNode node,
    PeerTokenProtector tokens,
    IOptions<FederationOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        // Streams stay open for hours; each TAXII request has its own timeout instead.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public PeerLink Create(PeerRecord peer) =>
        new(peer, tokens.Unprotect(peer.Name, peer.ProtectedToken), _http, applier, pusher, poller, federation, node, options, time, loggers.CreateLogger("Riposte.Federation.Peer." + peer.Name));

    public void Dispose() => _http.Dispose();
}
