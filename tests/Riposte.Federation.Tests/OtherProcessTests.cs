using Riposte.Cli;
using Riposte.Federation.Loopback;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

/// <summary>Writes committed by another process on a node's database (the command line, another replica) reach its stream without waiting for a heartbeat.</summary>
public sealed class OtherProcessTests
{
    /// <summary>Far beyond the test's wait: an event seen in time cannot have come with a heartbeat.</summary>
    private static void SlowHeartbeats(FederationOptions o)
    {
        LoopbackNode.TestTimings(o);
        o.HeartbeatInterval = TimeSpan.FromSeconds(60);
        o.StreamIdleTimeout = TimeSpan.FromSeconds(120);
    }

    [Fact]
    public async Task Stream_WriteAndDeletionThroughAnotherStoreOnTheFile_ReachPeerBeforeAnyHeartbeat()
    {
        // Arrange: b follows a's stream, which has sent its first heartbeat and waits.
        await using var mesh = await Mesh.StartAsync(SlowHeartbeats, ["a", "b"]);
        mesh.Peer("b", "a");
        await Mesh.Until(() => mesh["b"].Federation.GetStatus("a").LastContact is not null, "b connects to a's stream");
        var campaign = Objects.Campaign(mesh["a"].OrganizationId, TlpLevel.Green, "imported by a command");

        // Act: a store the command line would open on a's file, not the server's.
        using (var command = StoreSession.Open(mesh["a"].Db))
            command.Put([campaign], Mesh.Shared);
        await Mesh.Until(() => mesh["b"].Store.GetLatest(campaign.Id) is not null, "the write reaches b", TimeSpan.FromSeconds(10));
        using (var command = StoreSession.Open(mesh["a"].Db))
            command.Delete(campaign.Id, collectionId: Mesh.Shared);

        // Assert
        await Mesh.Until(() => Mesh.Versions(mesh["b"]).Count == 0, "the deletion reaches b", TimeSpan.FromSeconds(10));
    }
}
