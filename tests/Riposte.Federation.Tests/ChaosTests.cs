using System.Globalization;
using Riposte.Federation.Loopback;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

public sealed class ChaosTests
{
    /// <summary>Objects written in the run (RIPOSTE_CHAOS_WRITES overrides, e.g. for a longer soak).</summary>
    private static int Writes =>
        int.TryParse(Environment.GetEnvironmentVariable("RIPOSTE_CHAOS_WRITES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 10_000;

    /// <summary>What is planted: a marking and, for RED and AMBER+STRICT, whom the object names.</summary>
    private enum Kind
    {
        Clear,
        Green,
        Amber,
        StrictNamingNobody,
        StrictNamingB,
        RedNamingB,
        RedNamingC,
    }

    [Fact]
    public async Task Chaos_RandomRestartsDuring10000WritesAndDeletions_EveryNodeHoldsExactlyItsSet()
    {
        // Arrange: full mesh, every node pulling from both others. a lets RED out to b only, AMBER at
        // most elsewhere (the default); on a, b is a client of a (TLP:AMBER reaches a's clients).
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        foreach (var on in mesh.Nodes)
        {
            foreach (var remote in mesh.Nodes.Where(n => n != on))
                mesh.Peer(on.Name, remote.Name, outMax: on.Name == "a" && remote.Name == "b" ? TlpLevel.Red : TlpLevel.Amber);
        }
        mesh.AddClient("a", provider: "a", client: "b");
        var random = new Random(20261129);
        var expected = mesh.Nodes.ToDictionary(n => n.Name, _ => new SortedSet<string>(StringComparer.Ordinal));
        var planted = new List<(StixObject Object, string[] Reach)>();
        var deletions = 0;
        var nextRestart = random.Next(300, 900);
        LoopbackNode? down = null;
        var restarts = 0;

        // Act: batches of 1–40 on random running nodes, and after one batch in four a deletion of a recent
        // version (often still on its way: deletions then overtake versions); now and then a node goes down.
        for (var written = 0; written < Writes;)
        {
            if (written >= nextRestart)
            {
                if (down is null)
                {
                    down = mesh.Nodes[random.Next(mesh.Nodes.Count)];
                    await down.StopAsync();
                    nextRestart = written + random.Next(50, 300);
                }
                else
                {
                    await down.StartAsync();
                    down = null;
                    restarts++;
                    nextRestart = written + random.Next(300, 900);
                }
            }
            var running = mesh.Nodes.Where(n => n.Running).ToList();
            var node = running[random.Next(running.Count)];
            var batch = Enumerable.Range(0, Math.Min(random.Next(1, 41), Writes - written)).Select(_ => Plant(mesh, node, random, expected)).ToList();
            node.Store.Put(batch, Mesh.Shared);
            planted.AddRange(batch.Select(o => (o, expected.Keys.Where(k => expected[k].Contains(Key(o))).ToArray())));
            written += batch.Count;
            if (random.Next(4) == 0 && DeleteRecent(mesh, planted, random, expected))
                deletions++;
        }
        if (down is not null)
            await down.StartAsync();

        // Assert: each node converges on exactly its set (digests), which holds nothing it may not have.
        Assert.True(restarts >= 5, $"only {restarts} restarts happened");
        Assert.True(deletions >= Writes / 200, $"only {deletions} deletions happened");
        foreach (var node in mesh.Nodes)
        {
            var digest = Mesh.Digest(expected[node.Name]);
            await Mesh.Until(() => Mesh.Digest(Mesh.Versions(node)) == digest, $"node {node.Name} holds exactly its {expected[node.Name].Count} versions", TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>
    /// Deletes one of the last 200 versions planted, on a running node that holds it now (the origin, or
    /// one it has reached); the deletion then reaches every node, which must end without it.
    /// </summary>
    private static bool DeleteRecent(Mesh mesh, List<(StixObject Object, string[] Reach)> planted, Random random, Dictionary<string, SortedSet<string>> expected)
    {
        var (obj, reach) = planted[planted.Count - 1 - random.Next(Math.Min(200, planted.Count))];
        var key = Key(obj);
        var holder = reach.Select(n => mesh[n]).Where(n => n.Running && expected[n.Name].Contains(key)).OrderBy(_ => random.Next())
            .FirstOrDefault(n => n.Store.Delete(obj.Id, obj.Version!.Value.Text, Mesh.Shared) == 1);
        if (holder is null)
            return false;
        foreach (var set in expected.Values)
            set.Remove(key);
        return true;
    }

    private static string Key(StixObject obj) => obj.Id + "|" + obj.Version!.Value.Text;

    /// <summary>A new object of a random kind written on <paramref name="origin"/>, and where it may arrive.</summary>
    private static StixObject Plant(Mesh mesh, LoopbackNode origin, Random random, Dictionary<string, SortedSet<string>> expected)
    {
        // Mostly shareable objects, so most writes travel; a third stay within a narrower circle.
        var kind = random.Next(3) == 0 ? (Kind)random.Next(2, 7) : (Kind)random.Next(2);
        var b = mesh["b"].OrganizationId;
        var c = mesh["c"].OrganizationId;
        var obj = kind switch
        {
            Kind.Clear => Objects.Campaign(origin.OrganizationId, TlpLevel.Clear, "clear"),
            Kind.Green => Objects.Campaign(origin.OrganizationId, TlpLevel.Green, "green"),
            Kind.Amber => Objects.Campaign(origin.OrganizationId, TlpLevel.Amber, "amber"),
            Kind.StrictNamingNobody => Objects.Campaign(origin.OrganizationId, TlpLevel.AmberStrict, "strict"),
            Kind.StrictNamingB => Objects.Campaign(origin.OrganizationId, TlpLevel.AmberStrict, "strict naming b", [b]),
            Kind.RedNamingB => Objects.Campaign(origin.OrganizationId, TlpLevel.Red, "red naming b", [b]),
            _ => Objects.Campaign(origin.OrganizationId, TlpLevel.Red, "red naming c", [c]),
        };
        foreach (var node in Reach(origin.Name, kind))
            expected[node].Add(Key(obj));
        return obj;
    }

    /// <summary>
    /// Where each kind may arrive under the agreements above: public levels everywhere; AMBER, and what
    /// names b, only from a to b (its client, the one RED agreement); what names c stops at a's AMBER
    /// ceiling; a receiver never passes on what is not its own to share.
    /// </summary>
    private static string[] Reach(string origin, Kind kind) => kind switch
    {
        Kind.Clear or Kind.Green => ["a", "b", "c"],
        Kind.Amber or Kind.StrictNamingB or Kind.RedNamingB when origin == "a" => ["a", "b"],
        _ => [origin],
    };
}
