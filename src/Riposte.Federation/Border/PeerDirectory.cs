using Riposte.Storage.Federation;

namespace Riposte.Federation.Border;

/// <summary>
/// The registered peers by organisation, read from the repository at most once per refresh interval:
/// the gate asks on every read, and a peer added or changed from the command line applies within a second.
/// </summary>
public sealed class PeerDirectory(IFederationRepository federation, TimeProvider time)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private Dictionary<string, PeerRecord> _byOrganization = [];
    private DateTimeOffset _read = DateTimeOffset.MinValue;

    /// <summary>This node's agreement with the peer node of an organisation, or null when the organisation is no peer.</summary>
    public PeerRecord? ForOrganization(string organizationId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now - _read >= Refresh || now < _read)
            {
                _byOrganization = federation.ListPeers().GroupBy(p => p.OrganizationId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                _read = now;
            }
            return _byOrganization.GetValueOrDefault(organizationId);
        }
    }
}
