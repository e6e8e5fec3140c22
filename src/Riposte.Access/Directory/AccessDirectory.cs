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

    // Bumped by every change. A snapshot remembers the generation it was loaded at, so one loaded while a
    // change was being committed is never kept as current (clearing a field instead would race with the load).
    private long _generation;

    public AccessSnapshot Current
    {
        get
        {
            var entry = _current;
            var now = time.GetUtcNow();
            if (IsFresh(entry, now))
                return entry!.Snapshot;
            lock (_reload)
            {
                entry = _current;
                if (IsFresh(entry, now))
                    return entry!.Snapshot;
                var generation = Interlocked.Read(ref _generation);
                var snapshot = AccessSnapshot.Load(repositories, options.Value.CommunityTiers);
                _current = new Entry(snapshot, now.AddSeconds(options.Value.DirectoryCacheSeconds), generation);
                return snapshot;
            }
        }
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private bool IsFresh(Entry? entry, DateTimeOffset now) =>
        entry is not null && now < entry.Expires && entry.Generation == Interlocked.Read(ref _generation);

    private sealed record Entry(AccessSnapshot Snapshot, DateTimeOffset Expires, long Generation);
}
