using Riposte.Federation.Loopback;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

public sealed class PropagationTests
{
    [Fact]
    public async Task Stream_WriteOnOneNode_ReachesPeersWithProvenance()
    {
        // Arrange
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        mesh.Peer("b", "a");
        mesh.Peer("c", "b");
        var a = mesh["a"];
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "green campaign");

        // Act
        a.Store.Put([campaign], Mesh.Shared);

        // Assert
        await Mesh.Until(() => mesh["c"].Store.GetLatest(campaign.Id) is not null, "the campaign reaches c through b");
        var provenance = mesh["c"].Federation.GetProvenance([(campaign.Id, campaign.Version!.Value.Text)]).Single().Value;
        Assert.Equal(a.NodeId, provenance.Origin);
        Assert.Equal([a.NodeId, mesh["b"].NodeId, mesh["c"].NodeId], provenance.Path);
    }

    [Fact]
    public async Task Stream_NewVersion_EveryVersionKeptAndLatestWins()
    {
        // Arrange
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a");
        var a = mesh["a"];
        var first = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "v1");
        var second = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "v2", id: first.Id, modified: "2026-02-01T00:00:00.000Z");

        // Act
        a.Store.Put([first], Mesh.Shared);
        a.Store.Put([second], Mesh.Shared);

        // Assert
        await Mesh.Until(() => mesh["b"].Store.GetVersions(first.Id).Count == 2, "both versions reach b");
        Assert.Equal("v2", mesh["b"].Store.GetLatest(first.Id)!.Object.Name);
    }
}
