using FsCheck;
using Microsoft.Extensions.DependencyInjection;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Tests;

/// <summary>
/// Whatever order versions and deletions of the same objects arrive in (one stream batch puts the store's
/// versions before the change log's deletions; two paths of a mesh race), a receiver ends with the same set.
/// </summary>
public sealed class ArrivalOrderTests : IAsyncLifetime
{
    private static readonly string[] Modified = ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"];
    private Mesh _mesh = null!;

    public async ValueTask InitializeAsync() => _mesh = await Mesh.StartAsync("r");

    public async ValueTask DisposeAsync() => await _mesh.DisposeAsync();

    /// <summary>An event to receive: (object 0–1, version 0–2, deletion or version).</summary>
    public sealed record Arrival(int Object, int Version, bool Deletion);

    /// <param name="drawn">Each byte one arrival: bit 0 the object, bits 1–2 the version, bit 3 a deletion. At most 12, to stay quick.</param>
    [Property(MaxTest = 40)]
    public Property Apply_VersionsAndDeletionsInAnyOrder_SameSetAndSameLatest(NonEmptyArray<byte> drawn, int seed)
    {
        var arrivals = drawn.Get.Take(12).Select(b => new Arrival(b & 1, (b >> 1 & 3) % Modified.Length, (b >> 3 & 1) == 1)).ToArray();
        var shuffled = arrivals.ToArray();
        new Random(seed).Shuffle(shuffled);

        var inOrder = Receive(arrivals);
        var reordered = Receive(shuffled);

        return (inOrder == reordered).Label($"in order: {inOrder}; shuffled: {reordered}");
    }

    /// <summary>Applies the arrivals one by one on fresh ids; what the collection then holds, ids renamed to their object number, with each object's latest.</summary>
    private string Receive(IReadOnlyList<Arrival> arrivals)
    {
        var node = _mesh["r"];
        var ids = new[] { NewId(), NewId() };
        var applier = node.Services.GetRequiredService<IncomingApplier>();
        var peer = new PeerRecord("p", "http://127.0.0.1:1", "identity--" + Guid.NewGuid().ToString("D"), "", [], [Mesh.Shared], TlpLevel.Amber, TlpLevel.Red, false, DateTimeOffset.UtcNow);
        foreach (var arrival in arrivals)
            applier.Apply(peer, [Event(node, ids[arrival.Object], arrival)]);
        var held = node.Store.Query(new StixQuery { CollectionId = Mesh.Shared, Ids = ids, Versions = VersionFilter.All })
            .Select(s => Array.IndexOf(ids, s.Object.Id) + "@" + s.Object.Version!.Value.Text).Order(StringComparer.Ordinal);
        var latest = ids.Select(id => node.Store.Query(new StixQuery { CollectionId = Mesh.Shared, Ids = [id] }).SingleOrDefault()?.Object.Version?.Text ?? "none");
        return string.Join(",", held) + " latest " + string.Join(",", latest);
    }

    private static ReceivedEvent Event(LoopbackNode node, string id, Arrival arrival)
    {
        var version = Modified[arrival.Version];
        if (arrival.Deletion)
            return new ReceivedEvent(FeedEventKind.Deleted, StreamCursor.Start, null, [Mesh.Shared], null, [], id, version);
        StixObject obj = Objects.Campaign(node.OrganizationId, TlpLevel.Green, "v" + arrival.Version, id: id, modified: version);
        return new ReceivedEvent(FeedEventKind.Updated, StreamCursor.Start, obj, [Mesh.Shared], "node--origin", ["node--origin"], id, version);
    }

    private static string NewId() => "campaign--" + Guid.NewGuid().ToString("D");
}
