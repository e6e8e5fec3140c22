using Riposte.Federation.Tests.Support;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

public sealed class BorderTests
{
    [Fact]
    public async Task Border_EachTlpMarking_ArrivesOnlyWhereGateAndAgreementAllow()
    {
        // Arrange: full mesh; a lets RED out to b only (by agreement), AMBER at most to c; b is a's client on a.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        mesh.Peer("b", "a");
        mesh.Peer("c", "a");
        mesh.Peer("c", "b");
        mesh.Peer("b", "c");
        mesh.Peer("a", "b", outMax: TlpLevel.Red);
        mesh.Peer("a", "c", outMax: TlpLevel.Amber);
        mesh.AddClient("a", provider: "a", client: "b");
        var (a, b, c) = (mesh["a"], mesh["b"], mesh["c"]);
        var org = a.OrganizationId;
        var planted = new Dictionary<string, (StixObject Object, bool ToB, bool ToC)>
        {
            ["clear"] = (Objects.Campaign(org, TlpLevel.Clear, "clear"), true, true),
            ["green"] = (Objects.Campaign(org, TlpLevel.Green, "green"), true, true),
            ["amber to client b"] = (Objects.Campaign(org, TlpLevel.Amber, "amber"), true, false),
            ["amber+strict naming b"] = (Objects.Campaign(org, TlpLevel.AmberStrict, "strict b", [b.OrganizationId]), true, false),
            ["amber+strict naming nobody"] = (Objects.Campaign(org, TlpLevel.AmberStrict, "strict"), false, false),
            ["red naming b"] = (Objects.Campaign(org, TlpLevel.Red, "red b", [b.OrganizationId]), true, false),
            ["red naming c, agreement stops red"] = (Objects.Campaign(org, TlpLevel.Red, "red c", [c.OrganizationId]), false, false),
            ["red naming nobody"] = (Objects.Campaign(org, TlpLevel.Red, "red"), false, false),
        };

        // Act: plant everything, then sentinels so both streams are known to be past them.
        a.Store.Put([.. planted.Values.Select(p => p.Object)], Mesh.Shared);
        var sentinelA = Objects.Campaign(org, TlpLevel.Clear, "sentinel a");
        a.Store.Put([sentinelA], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(sentinelA.Id) is not null && c.Store.GetLatest(sentinelA.Id) is not null, "the sentinel reaches b and c");
        var sentinelB = Objects.Campaign(b.OrganizationId, TlpLevel.Clear, "sentinel b");
        b.Store.Put([sentinelB], Mesh.Shared);
        await Mesh.Until(() => c.Store.GetLatest(sentinelB.Id) is not null, "b's sentinel reaches c");

        // Assert
        foreach (var (name, (obj, toB, toC)) in planted)
        {
            Assert.True(toB == (b.Store.GetLatest(obj.Id) is not null), $"{name}: expected on b = {toB}");
            Assert.True(toC == (c.Store.GetLatest(obj.Id) is not null), $"{name}: expected on c = {toC}");
        }
    }

    [Fact]
    public async Task Ring_ThreeNodes_VersionNeverSentBackAlongItsPath()
    {
        // Arrange: a → b → c → a, each pulling from its predecessor.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        mesh.Peer("b", "a");
        mesh.Peer("c", "b");
        mesh.Peer("a", "c");
        var (a, b, c) = (mesh["a"], mesh["b"], mesh["c"]);
        var first = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "v1");
        var second = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "v2", id: first.Id, modified: "2026-03-01T00:00:00.000Z");

        // Act: v1 written on a, v2 written on c.
        a.Store.Put([first], Mesh.Shared);
        await Mesh.Until(() => c.Store.GetLatest(first.Id) is not null, "v1 reaches c");
        c.Store.Put([second], Mesh.Shared);
        await Mesh.Until(() => mesh.Nodes.All(n => n.Store.GetVersions(first.Id).Count == 2), "v2 reaches every node");
        var sentinel = Objects.Campaign(c.OrganizationId, TlpLevel.Clear, "sentinel");
        c.Store.Put([sentinel], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(sentinel.Id) is not null, "the sentinel goes round to b");

        // Assert: a never received its own v1 back (no provenance, nothing rejected), and the latest wins everywhere.
        Assert.Empty(a.Federation.GetProvenance([(first.Id, first.Version!.Value.Text)]));
        Assert.Equal([c.NodeId, a.NodeId], a.Federation.GetProvenance([(second.Id, second.Version!.Value.Text)]).Single().Value.Path);
        Assert.Equal(0, a.Federation.GetStatus("c").Rejected);
        Assert.All(mesh.Nodes, n => Assert.Equal("v2", n.Store.GetLatest(first.Id)!.Object.Name));
    }
}
