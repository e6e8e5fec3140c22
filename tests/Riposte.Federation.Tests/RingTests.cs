using Riposte.Federation.Loopback;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

public sealed class RingTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ring_StreamsOrTaxiiPolling_ProvenanceKeptAndNothingComesBack(bool streams)
    {
        // Arrange: a → b → c → a, each pulling from its predecessor: by event stream, or (streams
        // unreachable) by TAXII polling, whose envelopes carry no provenance of their own.
        await using var mesh = await Mesh.StartAsync(LoopbackNode.TestTimings, ["a", "b", "c"], n => n.ServeStream = streams);
        mesh.Peer("b", "a");
        mesh.Peer("c", "b");
        mesh.Peer("a", "c");
        var (a, b, c) = (mesh["a"], mesh["b"], mesh["c"]);
        var first = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "v1");
        var second = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "v2", id: first.Id, modified: "2026-03-01T00:00:00.000Z");

        // Act: v1 written on a, v2 on c; then a sentinel from c goes round to b, so every link has passed both.
        a.Store.Put([first], Mesh.Shared);
        await Mesh.Until(() => c.Store.GetLatest(first.Id) is not null, "v1 reaches c");
        c.Store.Put([second], Mesh.Shared);
        await Mesh.Until(() => mesh.Nodes.All(n => n.Store.GetVersions(first.Id).Count == 2), "v2 reaches every node");
        var sentinel = Objects.Campaign(c.OrganizationId, TlpLevel.Clear, "sentinel");
        c.Store.Put([sentinel], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(sentinel.Id) is not null, "the sentinel goes round to b");

        // Assert: every version carries its whole path; a never received its own v1 back, nor c its v2.
        Assert.Equal([a.NodeId, b.NodeId, c.NodeId], c.Federation.GetProvenance([(first.Id, first.Version!.Value.Text)]).Single().Value.Path);
        Assert.Equal([c.NodeId, a.NodeId], a.Federation.GetProvenance([(second.Id, second.Version!.Value.Text)]).Single().Value.Path);
        Assert.Equal([c.NodeId, a.NodeId, b.NodeId], b.Federation.GetProvenance([(second.Id, second.Version!.Value.Text)]).Single().Value.Path);
        Assert.Empty(a.Federation.GetProvenance([(first.Id, first.Version!.Value.Text)]));
        Assert.Empty(c.Federation.GetProvenance([(second.Id, second.Version!.Value.Text)]));
        Assert.Equal(0, a.Federation.GetStatus("c").Rejected);
        Assert.All(mesh.Nodes, n => Assert.Equal("v2", n.Store.GetLatest(first.Id)!.Object.Name));
    }
}
