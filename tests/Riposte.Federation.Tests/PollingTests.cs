using Riposte.Federation.Loopback;
using Riposte.Federation.Sync;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

/// <summary>Nodes whose event stream is unreachable (404, as behind a proxy that cuts long requests): sync falls back to TAXII polling.</summary>
public sealed class PollingTests
{
    [Fact]
    public async Task Poll_PeerClockHoursBehind_CursorIsThePeersOwnSoNothingIsSkipped()
    {
        // Arrange: a's clock (its date_added) is three hours behind b's; b polls a.
        await using var mesh = await Mesh.StartAsync(LoopbackNode.TestTimings, ["a", "b"], n =>
        {
            n.ServeStream = false;
            if (n.Name == "a")
                n.Clock = new SkewedClock(TimeSpan.FromHours(-3));
        });
        mesh.Peer("b", "a");
        var (a, b) = (mesh["a"], mesh["b"]);
        var before = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "before b restarts");
        a.Store.Put([before], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(before.Id) is not null, "the first write reaches b");

        // Act: b restarts (resuming from its persisted added_after cursor) and a writes again.
        await b.StopAsync();
        var after = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "after b restarts");
        a.Store.Put([after], Mesh.Shared);
        await b.StartAsync();

        // Assert
        await Mesh.Until(() => b.Store.GetLatest(after.Id) is not null, "the write made while b was down reaches b");
        Assert.Equal(2, Mesh.Versions(b).Count);
    }

    [Fact]
    public async Task Poll_LaterMembershipAndDeletion_ReachPeerThroughTheChangeLog()
    {
        // Arrange: b polls a (no streams); a holds a campaign in no collection, and b is past it.
        await using var mesh = await Mesh.StartAsync(LoopbackNode.TestTimings, ["a", "b"], n => n.ServeStream = false);
        mesh.Peer("b", "a");
        var (a, b) = (mesh["a"], mesh["b"]);
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "shared later");
        a.Store.Put([campaign]);
        var sentinel = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "sentinel");
        a.Store.Put([sentinel], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(sentinel.Id) is not null, "the sentinel reaches b");

        // Act: the campaign joins the collection (its date_added is older than b's added_after), then the sentinel is deleted.
        a.Store.Put([campaign], Mesh.Shared);
        a.Store.Delete(sentinel.Id, collectionId: Mesh.Shared);

        // Assert
        var joined = campaign.Id + "|" + campaign.Version!.Value.Text;
        await Mesh.Until(() => Mesh.Versions(b).SetEquals([joined]), "b holds the campaign that joined and no longer the deleted sentinel");
        Assert.NotNull(b.Federation.GetCursor("a", ChangeLogPoller.CursorName));
    }

    private sealed class SkewedClock(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
    }
}
