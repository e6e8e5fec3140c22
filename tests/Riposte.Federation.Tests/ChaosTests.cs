using System.Globalization;
using Riposte.Federation.Tests.Support;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

public sealed class ChaosTests
{
    /// <summary>Writes in the test run; set RIPOSTE_CHAOS_WRITES=10000 for the full run.</summary>
    private static int Writes =>
        int.TryParse(Environment.GetEnvironmentVariable("RIPOSTE_CHAOS_WRITES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 150;

    [Fact]
    public async Task Chaos_RandomRestartsDuringWrites_EveryNodeConvergesNothingLeaked()
    {
        // Arrange: full mesh of three; CLEAR goes everywhere, AMBER+STRICT naming nobody stays home.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        foreach (var from in mesh.Nodes)
        {
            foreach (var to in mesh.Nodes.Where(n => n != from))
                mesh.Peer(from.Name, to.Name);
        }
        var random = new Random(20261129);
        var everywhere = new List<string>();
        var home = mesh.Nodes.ToDictionary(n => n.Name, _ => new List<string>());

        // Act
        for (var i = 0; i < Writes; i++)
        {
            if (i % 25 == 24)
            {
                var victim = mesh.Nodes[random.Next(mesh.Nodes.Count)];
                await victim.StopAsync();
                await victim.StartAsync();
            }
            var node = mesh.Nodes[random.Next(mesh.Nodes.Count)];
            var strict = random.Next(5) == 0;
            var obj = Objects.Campaign(node.OrganizationId, strict ? TlpLevel.AmberStrict : TlpLevel.Clear, "chaos " + i.ToString(CultureInfo.InvariantCulture));
            node.Store.Put([obj], Mesh.Shared);
            (strict ? home[node.Name] : everywhere).Add(obj.Id + "|" + obj.Version!.Value.Text);
        }

        // Assert
        foreach (var node in mesh.Nodes)
        {
            var expected = Mesh.Digest(new SortedSet<string>(everywhere.Concat(home[node.Name]), StringComparer.Ordinal));
            await Mesh.Until(() => Mesh.Digest(Mesh.Versions(node)) == expected, $"node {node.Name} holds exactly its set", TimeSpan.FromSeconds(40));
        }
    }
}
