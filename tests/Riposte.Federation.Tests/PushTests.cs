using System.Net;
using Riposte.Federation.Border;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Tests;

/// <summary>Push on write: the receiver applies pushed changes as pulled ones (its border, provenance, tombstones); plain TAXII peers get TAXII.</summary>
public sealed class PushTests
{
    [Fact]
    public async Task Push_WriteThenDelete_ReceiverRecordsProvenanceAndKeepsTheTombstone()
    {
        // Arrange: b cannot reach a (it accepts a's pushes only); a pushes.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("a", "b", pull: false, push: true);
        mesh.Peer("b", "a", send: false, reachable: false);
        var (a, b) = (mesh["a"], mesh["b"]);
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "pushed");
        var version = campaign.Version!.Value.Text;

        // Act
        a.Store.Put([campaign], Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(b).Count == 1, "the campaign is pushed to b");
        var provenance = b.Federation.GetProvenance([(campaign.Id, version)]).Values.Single();
        a.Store.Delete(campaign.Id, collectionId: Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(b).Count == 0, "the deletion is pushed to b");

        // Assert
        Assert.Equal((a.NodeId, "a"), (provenance.Origin, provenance.ViaPeer));
        Assert.Equal([a.NodeId, b.NodeId], provenance.Path);
        Assert.Single(b.Federation.DeletedAmong(Mesh.Shared, [(campaign.Id, version)]));
        Assert.True(b.Federation.GetStatus("a").Applied >= 2, "b counts what a pushed");
    }

    [Fact]
    public async Task Push_VersionArrivingAfterItsDeletion_Refused()
    {
        // Arrange: b accepts a's pushes; the deletion of a version b never held arrives first.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a", send: false, reachable: false);
        var (a, b) = (mesh["a"], mesh["b"]);
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "deleted before it arrived");
        var token = mesh.Token("b", "a");
        var (deletedStatus, _) = await FeedClient.PushAsync(b, token, Deleted(campaign, 1));

        // Act
        var (status, body) = await FeedClient.PushAsync(b, token, Created(campaign, a.NodeId, 2));

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (deletedStatus, status));
        Assert.Contains("\"added\":0,\"unchanged\":1", body, StringComparison.Ordinal);
        Assert.Null(b.Store.GetLatest(campaign.Id));
    }

    [Fact]
    public async Task Push_BeyondTheReceiversAgreement_Rejected()
    {
        // Arrange: b takes at most AMBER from a.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a", inMax: TlpLevel.Amber, send: false, reachable: false);
        var (a, b) = (mesh["a"], mesh["b"]);
        var red = Objects.Campaign(a.OrganizationId, TlpLevel.Red, "red naming b", [b.OrganizationId]);

        // Act
        var (status, body) = await FeedClient.PushAsync(b, mesh.Token("b", "a"), Created(red, a.NodeId, 1));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"rejected\":1", body, StringComparison.Ordinal);
        Assert.Null(b.Store.GetLatest(red.Id));
    }

    [Fact]
    public async Task Push_FromAnOrganisationThatIsNoPeer_Forbidden()
    {
        await using var mesh = await Mesh.StartAsync("a", "b");
        var campaign = Objects.Campaign(mesh["a"].OrganizationId, TlpLevel.Clear, "unasked");

        var (status, body) = await FeedClient.PushAsync(mesh["b"], mesh.Token("b", "a"), Created(campaign, mesh["a"].NodeId, 1));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("not a registered peer", body, StringComparison.Ordinal);
        Assert.Null(mesh["b"].Store.GetLatest(campaign.Id));
    }

    [Fact]
    public async Task Push_ReceiverWithoutAgreement_ErrorShownUntilTheReceiverRegistersThePeer()
    {
        // Arrange: a pushes to b, which has not registered a as a peer.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("a", "b", pull: false, push: true);
        var (a, b) = (mesh["a"], mesh["b"]);
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Clear, "unaccepted");

        // Act
        a.Store.Put([campaign], Mesh.Shared);

        // Assert: refused, not sent by TAXII instead, and said where the operator looks; retried until b agrees.
        await Mesh.Until(() => a.Federation.GetStatus("b").LastError?.Contains("answered 403", StringComparison.Ordinal) == true, "a shows b's refusal");
        Assert.StartsWith("push: ", a.Federation.GetStatus("b").LastError, StringComparison.Ordinal);
        Assert.Empty(Mesh.Versions(b));
        mesh.Peer("b", "a", send: false, reachable: false);
        await Mesh.Until(() => Mesh.Versions(b).Count == 1 && a.Federation.GetStatus("b").LastError is null, "the retried push lands and the error clears");
    }

    [Fact]
    public async Task Push_MalformedEventOrInvalidStix_NamedInA400AndTheOthersApplied()
    {
        // Arrange: an event without its object, a good one, and a campaign without its required name.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a", send: false, reachable: false);
        var (a, b) = (mesh["a"], mesh["b"]);
        var good = Objects.Campaign(a.OrganizationId, TlpLevel.Clear, "good");
        var nameless = Objects.Campaign(a.OrganizationId, TlpLevel.Clear, "nameless").Json.DeepClone().AsObject();
        nameless.Remove("name");
        var frames = "id: 1-0\nevent: created\ndata: {\"collections\":[]}\n\n" + Created(good, a.NodeId, 2) + Created(new StixObject(nameless), a.NodeId, 3);

        // Act
        var (status, body) = await FeedClient.PushAsync(b, mesh.Token("b", "a"), frames);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("event #1: event 1-0: $.object is missing", body, StringComparison.Ordinal);
        Assert.Contains("event #3: event 3-0: $.object", body, StringComparison.Ordinal);
        Assert.Contains("name", body[body.IndexOf("event #3", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.NotNull(b.Store.GetLatest(good.Id));
        Assert.Null(b.Store.GetLatest(nameless["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Push_PeerWithoutPushEndpoint_FallsBackToTaxiiPostAndDelete()
    {
        // Arrange: b is a plain TAXII server for pushing (no push endpoint) and has no agreement with a.
        await using var mesh = await Mesh.StartAsync(LoopbackNode.TestTimings, ["a", "b"], n => n.ServePush = n.Name != "b");
        mesh.Peer("a", "b", pull: false, push: true);
        var (a, b) = (mesh["a"], mesh["b"]);
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Clear, "posted");

        // Act
        a.Store.Put([campaign], Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(b).Count == 1, "the campaign is POSTed to b's TAXII collection");
        a.Store.Delete(campaign.Id, collectionId: Mesh.Shared);

        // Assert
        await Mesh.Until(() => Mesh.Versions(b).Count == 0, "the deletion goes as a TAXII DELETE");
    }

    private static string Created(StixObject obj, string origin, int sequence) =>
        EventStreamApi.Frame(new FeedEvent(FeedEventKind.Created, new StreamCursor(sequence, 0), obj, [Mesh.Shared], origin, [origin], null));

    private static string Deleted(StixObject obj, int log) =>
        EventStreamApi.Frame(new FeedEvent(FeedEventKind.Deleted, new StreamCursor(0, log), null, [Mesh.Shared], null, [],
            new TombstoneRecord(log, obj.Id, obj.Version!.Value.Text, Mesh.Shared, DateTimeOffset.UtcNow, Stub: DeletionStub.Text(DeletionStub.Of(obj)))));
}
