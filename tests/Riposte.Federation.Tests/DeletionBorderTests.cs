using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Tests;

/// <summary>
/// A deletion tells its reader that an id existed: it goes only to readers who could see the deleted
/// version (the gate and the agreement judge its stub), on the stream, the change log, push and relays.
/// </summary>
public sealed class DeletionBorderTests
{
    [Fact]
    public async Task StreamAndChanges_DeletionsOfEachMarking_OnlyToReadersWhoCouldSeeTheVersion()
    {
        // Arrange: a lets RED out to b (its client) and AMBER at most to c; a plain reader on a is no peer.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        mesh.Peer("a", "b", outMax: TlpLevel.Red, pull: false);
        mesh.Peer("a", "c", outMax: TlpLevel.Amber, pull: false);
        mesh.AddClient("a", provider: "a", client: "b");
        var a = mesh["a"];
        var (plainOrganization, plain) = FeedClient.PlainReader(a);
        var planted = Planted(mesh, a, plainOrganization);
        a.Store.Put([.. planted.Values.Select(p => p.Object)], Mesh.Shared);
        foreach (var (obj, _) in planted.Values)
            Assert.Equal(1, a.Store.Delete(obj.Id, collectionId: Mesh.Shared));

        // Act
        var readers = new (string Who, string Token, Func<Reach, bool> Expected)[]
        {
            ("peer b", mesh.Token("a", "b"), r => r.B), ("peer c", mesh.Token("a", "c"), r => r.C), ("a plain reader", plain, r => r.Plain),
        };
        var seen = new List<(string Who, string Path, Func<Reach, bool> Expected, List<ReceivedEvent> Events, string Raw)>();
        foreach (var (who, token, expected) in readers)
        {
            seen.Add((who, "stream", expected, await FeedClient.ReadStreamAsync(a, token), ""));
            var (events, body) = await FeedClient.ReadChangesAsync(a, token);
            seen.Add((who, "changes", expected, events, body));
        }

        // Assert: each deletion reached exactly the readers its version could; none carried content.
        foreach (var (name, (obj, reach)) in planted)
        {
            foreach (var (who, path, expected, events, raw) in seen)
            {
                Assert.True(expected(reach) == events.Any(e => e.Kind == FeedEventKind.Deleted && e.Id == obj.Id), $"{name}: deletion to {who} by {path}, expected {expected(reach)}");
                if (!expected(reach))
                    Assert.DoesNotContain(obj.Id, raw, StringComparison.Ordinal);
            }
        }
        Assert.All(seen.SelectMany(s => s.Events), e => Assert.True(e.Stub is { Name: null }, $"{e.Id}: a deletion carries its stub and nothing of the content"));
    }

    [Fact]
    public async Task Push_DeletionsOfEachMarking_OnlyToPeersThatCouldReceiveTheVersion()
    {
        // Arrange: a pushes to b (RED agreement, a's client) and to c (AMBER at most); neither can pull from a.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        mesh.Peer("a", "b", outMax: TlpLevel.Red, pull: false, push: true);
        mesh.Peer("a", "c", outMax: TlpLevel.Amber, pull: false, push: true);
        mesh.Peer("b", "a", send: false, reachable: false);
        mesh.Peer("c", "a", send: false, reachable: false);
        mesh.AddClient("a", provider: "a", client: "b");
        var (a, b, c) = (mesh["a"], mesh["b"], mesh["c"]);
        var planted = Planted(mesh, a, plainOrganization: "identity--" + Guid.NewGuid().ToString("D"));
        a.Store.Put([.. planted.Values.Select(p => p.Object)], Mesh.Shared);
        var sentinel = Objects.Campaign(a.OrganizationId, TlpLevel.Clear, "sentinel");
        a.Store.Put([sentinel], Mesh.Shared);
        await Mesh.Until(() => b.Store.GetLatest(sentinel.Id) is not null && c.Store.GetLatest(sentinel.Id) is not null, "the sentinel is pushed to b and c");

        // Act: every deletion, the sentinel's last.
        foreach (var (obj, _) in planted.Values)
            a.Store.Delete(obj.Id, collectionId: Mesh.Shared);
        a.Store.Delete(sentinel.Id, collectionId: Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(b).Count == 0 && Mesh.Versions(c).Count == 0, "every deletion is pushed to b and c, the sentinel's last");

        // Assert: a receiver logs a deletion it is pushed even when it holds nothing, so its log shows what reached it.
        var loggedOnB = b.Federation.TombstonesAfter(0, 100).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var loggedOnC = c.Federation.TombstonesAfter(0, 100).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, (obj, reach)) in planted)
        {
            Assert.True(reach.B == loggedOnB.Contains(obj.Id), $"{name}: deletion pushed to b, expected {reach.B}");
            Assert.True(reach.C == loggedOnC.Contains(obj.Id), $"{name}: deletion pushed to c, expected {reach.C}");
        }
        Assert.Empty(Mesh.Versions(b));
        Assert.Empty(Mesh.Versions(c));
    }

    [Fact]
    public async Task Stream_DeletionOnPeerAboveItsCeiling_ReachesOnlyTheNodeTheVersionCameFrom()
    {
        // Arrange: a lets RED out to b; b lets at most AMBER out to a. On a: a RED campaign of a's own and
        // one of another organisation, both naming b, reach b. On b: one naming b that b wrote itself.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("a", "b", outMax: TlpLevel.Red);
        mesh.Peer("b", "a");
        var (a, b) = (mesh["a"], mesh["b"]);
        var other = "identity--" + Guid.NewGuid().ToString("D");
        var own = Objects.Campaign(a.OrganizationId, TlpLevel.Red, "a's own", [b.OrganizationId]);
        var relayed = Objects.Campaign(other, TlpLevel.Red, "another's, through a", [b.OrganizationId]);
        var local = Objects.Campaign(other, TlpLevel.Red, "another's, written on b", [b.OrganizationId]);
        a.Store.Put([own, relayed], Mesh.Shared);
        b.Store.Put([local], Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(b).Count == 3, "a's campaigns reach b");

        // Act: b deletes all three; a clear sentinel follows.
        foreach (var obj in new[] { own, relayed, local })
            b.Store.Delete(obj.Id, collectionId: Mesh.Shared);
        var sentinel = Objects.Campaign(b.OrganizationId, TlpLevel.Clear, "sentinel");
        b.Store.Put([sentinel], Mesh.Shared);

        // Assert: a's two are deleted on a (a created one; the other came from a); a never hears of b's own.
        await Mesh.Until(() => Mesh.Versions(a).SetEquals([sentinel.Id + "|" + sentinel.Version!.Value.Text]), "a holds the sentinel only");
        await Mesh.Until(() => a.Federation.GetStatus("b").StreamCursor is { } cursor && b.Federation.LastTombstone() <= long.Parse(cursor.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture),
            "a's stream of b is past b's deletions");
        Assert.DoesNotContain(a.Federation.TombstonesAfter(0, 100), e => e.Id == local.Id);
    }

    [Fact]
    public async Task Relay_DeletionsReceivedForVersionsNeverHeld_PassedOnOnlyToReadersTheStubAllows()
    {
        // Arrange: r receives from a peer deletions of versions it never held: a GREEN one, a RED one naming
        // nobody, a RED one naming s, and one without a stub (from a node that sends none).
        await using var mesh = await Mesh.StartAsync("r", "s");
        var (r, s) = (mesh["r"], mesh["s"]);
        var creator = "identity--" + Guid.NewGuid().ToString("D");
        var green = Objects.Campaign(creator, TlpLevel.Green, "green");
        var red = Objects.Campaign(creator, TlpLevel.Red, "red");
        var redNamingS = Objects.Campaign(creator, TlpLevel.Red, "red naming s", [s.OrganizationId]);
        var unjudged = Objects.Campaign(creator, TlpLevel.Clear, "sent without a stub");
        var peer = new PeerRecord("p", "http://127.0.0.1:1", creator, "", [], [Mesh.Shared], TlpLevel.Amber, TlpLevel.Red, false, DateTimeOffset.UtcNow);

        // Act
        r.Services.GetRequiredService<IncomingApplier>().Apply(peer, [Deletion(green, stub: true), Deletion(red, stub: true), Deletion(redNamingS, stub: true), Deletion(unjudged, stub: false)]);
        var toS = ReadLog(r, new Principal("user--s", s.OrganizationId, Role.Analyst));
        var toNode = ReadLog(r, Principal.System);

        // Assert: the tombstones keep the stubs received; s learns of what it could see; the node itself of all.
        Assert.Equal(3, r.Federation.TombstonesAfter(0, 100).Count(e => e.Stub is not null));
        Assert.Equal(new[] { green.Id, redNamingS.Id }.Order(), toS.Order());
        Assert.Equal(new[] { green.Id, red.Id, redNamingS.Id, unjudged.Id }.Order(), toNode.Order());
    }

    [Fact]
    public async Task ChangeLog_DeletionLoggedWithoutStub_GoesToNoReaderButTheNode()
    {
        // Arrange: an entry as a node logged deletions before it kept stubs.
        await using var mesh = await Mesh.StartAsync("a", "b");
        var a = mesh["a"];
        var old = Objects.Campaign(a.OrganizationId, TlpLevel.Clear, "deleted before stubs");
        a.Federation.AddTombstone(old.Id, old.Version!.Value.Text, Mesh.Shared, DateTimeOffset.UtcNow);

        // Act
        var stream = await FeedClient.ReadStreamAsync(a, mesh.Token("a", "b"));
        var (changes, _) = await FeedClient.ReadChangesAsync(a, mesh.Token("a", "b"));

        // Assert
        Assert.Empty(stream);
        Assert.Empty(changes);
        Assert.Equal([old.Id], ReadLog(a, Principal.System));
    }

    /// <summary>Where a planted object's version (and so its deletion) may go from a: to peer b, to peer c, to the plain reader.</summary>
    private sealed record Reach(bool B, bool C, bool Plain);

    /// <summary>Objects of a of every marking, named by what they test, with where each may go (a's agreements: b RED and a's client, c AMBER).</summary>
    private static Dictionary<string, (StixObject Object, Reach Reach)> Planted(Mesh mesh, LoopbackNode a, string plainOrganization)
    {
        var (org, b, c) = (a.OrganizationId, mesh["b"].OrganizationId, mesh["c"].OrganizationId);
        return new()
        {
            ["clear"] = (Objects.Campaign(org, TlpLevel.Clear, "clear"), new(true, true, true)),
            ["green"] = (Objects.Campaign(org, TlpLevel.Green, "green"), new(true, true, true)),
            ["amber to client b"] = (Objects.Campaign(org, TlpLevel.Amber, "amber"), new(true, false, false)),
            ["amber+strict naming b"] = (Objects.Campaign(org, TlpLevel.AmberStrict, "strict b", [b]), new(true, false, false)),
            ["amber+strict naming nobody"] = (Objects.Campaign(org, TlpLevel.AmberStrict, "strict"), new(false, false, false)),
            ["red naming b"] = (Objects.Campaign(org, TlpLevel.Red, "red b", [b]), new(true, false, false)),
            ["red naming c, agreement stops red"] = (Objects.Campaign(org, TlpLevel.Red, "red c", [c]), new(false, false, false)),
            ["red naming the plain reader"] = (Objects.Campaign(org, TlpLevel.Red, "red plain", [plainOrganization]), new(false, false, true)),
            ["red naming nobody"] = (Objects.Campaign(org, TlpLevel.Red, "red"), new(false, false, false)),
        };
    }

    private static ReceivedEvent Deletion(StixObject obj, bool stub) =>
        new(FeedEventKind.Deleted, StreamCursor.Start, null, [Mesh.Shared], null, [], obj.Id, obj.Version!.Value.Text, Stub: stub ? DeletionStub.Of(obj) : null);

    /// <summary>The ids of the deletions <paramref name="node"/>'s change log shows <paramref name="reader"/>.</summary>
    private static List<string> ReadLog(LoopbackNode node, Principal reader) =>
        node.Scoped(sp => sp.GetRequiredService<ChangeFeed>().ReadLog(sp.GetRequiredService<BorderCheck>(), reader, null, [Mesh.Shared], 0, 0, 100))
            .Events.Where(e => e.Kind == FeedEventKind.Deleted).Select(e => e.Tombstone!.Id).ToList();
}
