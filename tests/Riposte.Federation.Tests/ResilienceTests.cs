using Riposte.Federation.Loopback;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

/// <summary>Peers that are down, restart or are slow: errors are shown, back-off recovers, bounded queues lose nothing.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task Link_PeerDownThenUp_ErrorShownThenClearedAndCaughtUp()
    {
        // Arrange: b pulls from a, which is down.
        await using var mesh = await Mesh.StartAsync("a", "b");
        var (a, b) = (mesh["a"], mesh["b"]);
        await a.StopAsync();
        mesh.Peer("b", "a");
        await Mesh.Until(() => b.Federation.GetStatus("a").LastError is not null, "b records that a is unreachable");

        // Act
        await a.StartAsync();
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "after the outage");
        a.Store.Put([campaign], Mesh.Shared);

        // Assert
        await Mesh.Until(() => b.Store.GetLatest(campaign.Id) is not null, "the write reaches b once a is back");
        await Mesh.Until(() => b.Federation.GetStatus("a") is { LastError: null, LastContact: not null }, "the error is cleared by the next exchange");
    }

    [Fact]
    public async Task Link_QueueOfOneAndTinyBatches_BurstArrivesComplete()
    {
        // Arrange: the receiving queue holds one event, batches are seven versions.
        await using var mesh = await Mesh.StartAsync(o =>
        {
            LoopbackNode.TestTimings(o);
            o.QueueCapacity = 1;
            o.BatchSize = 7;
        }, ["a", "b"]);
        mesh.Peer("b", "a");
        var a = mesh["a"];
        var written = new List<StixObject>();

        // Act
        for (var batch = 0; batch < 20; batch++)
        {
            var objects = Enumerable.Range(0, 100).Select(i => Objects.Campaign(a.OrganizationId, TlpLevel.Green, $"burst {batch}.{i}")).ToList();
            a.Store.Put(objects, Mesh.Shared);
            written.AddRange(objects);
        }

        // Assert
        var expected = Mesh.Digest(new SortedSet<string>(written.Select(o => o.Id + "|" + o.Version!.Value.Text), StringComparer.Ordinal));
        await Mesh.Until(() => Mesh.Digest(Mesh.Versions(mesh["b"])) == expected, "b holds exactly the 2,000 versions", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Link_EitherSideRestarts_ResumesFromCursorWithoutReplay()
    {
        // Arrange
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a");
        var (a, b) = (mesh["a"], mesh["b"]);
        var first = Write(a, "first", 50);
        await Mesh.Until(() => Mesh.Versions(b).Count == 50, "the first 50 reach b");
        await Mesh.Until(() => b.Federation.GetStatus("a").Applied == 50, "b has applied 50");

        // Act: the receiver restarts, then the sender, with writes in between.
        await b.StopAsync();
        Write(a, "while b is down", 30);
        await b.StartAsync();
        await a.StopAsync();
        await a.StartAsync();
        Write(a, "after a restarted", 20);

        // Assert: everything arrives, and nothing applied before was received and applied again.
        await Mesh.Until(() => Mesh.Versions(b).Count == 100, "all 100 reach b");
        await Mesh.Until(() => b.Federation.GetStatus("a").Applied == 100, "b has applied 100");
        Assert.Equal(0, b.Federation.GetStatus("a").Unchanged);
        Assert.Contains(first[0].Id + "|" + first[0].Version!.Value.Text, Mesh.Versions(b));
    }

    private static List<StixObject> Write(LoopbackNode node, string name, int count)
    {
        var objects = Enumerable.Range(0, count).Select(i => Objects.Campaign(node.OrganizationId, TlpLevel.Green, $"{name} {i}")).ToList();
        node.Store.Put(objects, Mesh.Shared);
        return objects;
    }
}
