using Microsoft.Extensions.DependencyInjection;
using Riposte.Cli;
using Riposte.Federation.Loopback;
using Riposte.Federation.Sync;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

/// <summary><c>riposte peer …</c> run against a running node's file: the node picks the peer up, and status tells what happened.</summary>
public sealed class PeerCommandTests
{
    [Fact]
    public async Task PeerCommands_AddStatusListRemove_DriveTheRunningNode()
    {
        // Arrange
        await using var mesh = await Mesh.StartAsync("a", "b");
        var (a, b) = (mesh["a"], mesh["b"]);
        var token = mesh.Token("a", "b");

        // Act: b's admin adds a as a peer; a writes.
        var add = await RiposteAsync(b, "peer", "add", "a", a.BaseAddress.ToString(), "--org", a.OrganizationId, "--token", token, "--in", Mesh.Shared, "--out", Mesh.Shared);
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "through a peer added by command");
        a.Store.Put([campaign], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(campaign.Id) is not null, "the campaign reaches b");
        await Mesh.Until(() => b.Federation.GetStatus("a") is { Applied: 1, Lag: { } lag } && lag == TimeSpan.Zero, "b's status says it is caught up");
        var status = await RiposteAsync(b, "peer", "status", "a");
        var list = await RiposteAsync(b, "peer", "list");
        var remove = await RiposteAsync(b, "peer", "remove", "a");

        // Assert
        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok), (add.Exit, status.Exit, list.Exit, remove.Exit));
        var row = Row(status.Out, "a");
        Assert.Equal("0 s", row[2]);
        Assert.NotEqual("-", row[3]);
        Assert.Equal(["1", "0", "0", "-"], row[4..]);
        Assert.Contains(a.BaseAddress.GetLeftPart(UriPartial.Authority), list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list.Out + status.Out, StringComparison.Ordinal);
        await Mesh.Until(() => !b.Services.GetRequiredService<PeerSyncService>().RunningPeers.Contains("a"), "b stops the removed peer's loop");
    }

    [Fact]
    public async Task PeerStatus_PeerUnreachable_ShowsTheError()
    {
        // Arrange: a peer at an address where nothing listens.
        await using var mesh = await Mesh.StartAsync("a", "b");
        var (a, b) = (mesh["a"], mesh["b"]);
        await RiposteAsync(b, "peer", "add", "gone", "http://127.0.0.1:9", "--org", a.OrganizationId, "--token", "rpt_wrong", "--in", Mesh.Shared);
        await Mesh.Until(() => b.Federation.GetStatus("gone").LastError is not null, "b records the failure");

        // Act
        var status = await RiposteAsync(b, "peer", "status");
        var unknown = await RiposteAsync(b, "peer", "status", "nobody");

        // Assert
        Assert.Equal(ExitCodes.Ok, status.Exit);
        Assert.StartsWith("-", Row(status.Out, "gone")[3], StringComparison.Ordinal);
        Assert.Matches("(stream|poll): ", status.Out);
        Assert.Equal(ExitCodes.UsageOrEnvironment, unknown.Exit);
        Assert.Contains("no peer named 'nobody'", unknown.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Error)> RiposteAsync(LoopbackNode node, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, () => new MemoryStream(), () => new MemoryStream(), interactive: false);
        var exit = await CliApp.RunAsync(["--db", node.Db, .. args], console, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The cells of the table row whose first cell is <paramref name="first"/>.</summary>
    private static string[] Row(string table, string first) =>
        table.Split('\n').Select(line => line.Split('│').Select(c => c.Trim()).ToArray())
            .First(cells => cells.Length > 2 && cells[1] == first)[1..^1];
}
