using Riposte.Federation.Loopback;
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
}
