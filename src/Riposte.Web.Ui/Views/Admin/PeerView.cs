using System.Globalization;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Web.Ui.Views.Admin;

/// <summary>A peer's agreement and sync status in words, as <c>riposte peer status</c> says them.</summary>
public static class PeerView
{
    public static string Agreement(PeerRecord peer) =>
        $"out: {peer.OutCollections.Count} collection(s) up to TLP:{TlpMarkings.Tlp2Value(peer.OutMax).ToUpperInvariant()}; " +
        $"in: {peer.InCollections.Count} up to TLP:{TlpMarkings.Tlp2Value(peer.InMax).ToUpperInvariant()}{(peer.Push ? "; push" : "")}";

    /// <summary>Seconds behind the peer's stream at the last heartbeat ("0 s": caught up); "unknown" before the first.</summary>
    public static string Lag(TimeSpan? lag) => lag is { } value ? value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "unknown";

    public static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "never";

    public static string Counts(PeerStatusRecord status) =>
        string.Create(CultureInfo.InvariantCulture, $"{status.Applied} / {status.Rejected} / {status.Unchanged}");
}
