using System.Collections.Concurrent;

namespace Riposte.Storage.Taxii;

/// <summary>
/// Status resources in memory, for nodes without a database-backed status store and for tests.
/// Bounded: the oldest statuses are forgotten once <c>capacity</c> is reached, so a busy
/// feed cannot grow the process without limit.
/// </summary>
public sealed class InMemoryTaxiiStatusStore(int capacity = 10_000) : ITaxiiStatusStore
{
    private readonly ConcurrentDictionary<string, TaxiiStatus> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Save(TaxiiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (_byId.TryAdd(status.Id, status))
            _order.Enqueue(status.Id);
        else
            _byId[status.Id] = status;
        while (_byId.Count > capacity && _order.TryDequeue(out var oldest))
            _byId.TryRemove(oldest, out _);
    }

    public TaxiiStatus? Get(string id) => _byId.TryGetValue(id, out var status) ? status : null;
}
