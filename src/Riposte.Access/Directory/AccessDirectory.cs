using Microsoft.Extensions.Options;
using Riposte.Storage.Access;

namespace Riposte.Access.Directory;

/// <summary>
/// Holds the current <see cref="AccessSnapshot"/>. Services that change organisations, clients,
/// groups, collections or grants call <see cref="Invalidate"/>; changes made by other replicas are
/// picked up after <see cref="AccessOptions.DirectoryCacheSeconds"/>.
/// </summary>
public sealed class AccessDirectory(IAccessRepositories repositories, IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly Lock _reload = new();
    private volatile Entry? _current;

    public AccessSnapshot Current
    {
        get
        {
            var entry = _current;
            var now = time.GetUtcNow();
            if (entry is not null && now < entry.Expires)
                return entry.Snapshot;
            lock (_reload)
            {
                entry = _current;
                if (entry is not null && now < entry.Expires)
                    return entry.Snapshot;
                var snapshot = AccessSnapshot.Load(repositories, options.Value.CommunityTiers);
                _current = new Entry(snapshot, now.AddSeconds(options.Value.DirectoryCacheSeconds));
                return snapshot;
            }
        }
    }

    public void Invalidate() => _current = null;

    private sealed record Entry(AccessSnapshot Snapshot, DateTimeOffset Expires);
}
