using Riposte.Federation.Loopback;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Tests;

/// <summary>In a mesh a deletion can overtake the version it deletes: the nodes must still agree.</summary>
public sealed class OutOfOrderTests
{
    [Fact]
    public async Task Mesh_DeletionArrivesBeforeVersion_VersionRefusedForwardedAndEveryNodeAgrees()
    {
        // Arrange: a's AMBER campaign may reach b and c, a's clients on a and (for c) on b too.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        var (a, b, c) = (mesh["a"], mesh["b"], mesh["c"]);
        mesh.AddClient("a", provider: "a", client: "b");
        mesh.AddClient("a", provider: "a", client: "c");
        mesh.AddClient("b", provider: "a", client: "c");
        mesh.Peer("b", "a");
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Amber, "deleted on b");
        var key = campaign.Id + "|" + campaign.Version!.Value.Text;
        a.Store.Put([campaign], Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(b).Contains(key), "the campaign reaches b");

        // Act 1: b deletes it; only then does c pull from b, which holds its deletion only: c never held it.
        Assert.Equal(1, b.Store.Delete(campaign.Id, collectionId: Mesh.Shared));
        mesh.Peer("c", "b");
        await Mesh.Until(() => c.Federation.DeletedAmong(Mesh.Shared, [(campaign.Id, campaign.Version!.Value.Text)]).Count == 1, "c keeps the deletion");

        // Act 2: only now does c pull from a, which still holds the campaign; a sentinel written after it marks c's progress.
        mesh.Peer("c", "a");
        var sentinel = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "sentinel");
        a.Store.Put([sentinel], Mesh.Shared);
        await Mesh.Until(() => c.Store.GetLatest(sentinel.Id) is not null, "a's sentinel reaches c, after the campaign in a's stream");

        // Assert: c refused the late version (counted unchanged); the deletion c kept reaches a
        // through c alone (a pulls from c only), and every node ends with the same set.
        // (The count is recorded just after the batch that stored the sentinel.)
        await Mesh.Until(() => c.Federation.GetStatus("a").Unchanged >= 1, "c counts the late campaign unchanged");
        Assert.DoesNotContain(key, Mesh.Versions(c));
        mesh.Peer("a", "c");
        await Mesh.Until(() => !Mesh.Versions(a).Contains(key), "c's deletion reaches a");
        Assert.Contains(c.Federation.TombstonesAfter(0, 100), e => e.Kind == ChangeKind.Deleted && e.Id == campaign.Id && e.Version == campaign.Version!.Value.Text);
        var sentinelKey = sentinel.Id + "|" + sentinel.Version!.Value.Text;
        await Mesh.Until(() => Mesh.Versions(b).Contains(sentinelKey), "the sentinel reaches b");
        Assert.All(mesh.Nodes, n => Assert.Equal([sentinelKey], Mesh.Versions(n)));
    }
}
