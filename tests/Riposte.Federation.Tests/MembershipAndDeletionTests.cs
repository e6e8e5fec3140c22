using System.Net;
using System.Net.Http.Headers;
using Riposte.Cli;
using Riposte.Federation.Loopback;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Tests;

/// <summary>Changes that do not add a store sequence — later collection memberships and deletions — still reach peers, whichever way they were made.</summary>
public sealed class MembershipAndDeletionTests
{
    [Fact]
    public async Task Stream_VersionAddedToCollectionLater_ReachesPeerOnce()
    {
        // Arrange: the campaign is stored on a in no collection, and b's stream is already past it.
        await using var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a");
        var a = mesh["a"];
        var campaign = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "shared later");
        a.Store.Put([campaign]);
        var sentinel = Objects.Campaign(a.OrganizationId, TlpLevel.Green, "sentinel");
        a.Store.Put([sentinel], Mesh.Shared);
        await Mesh.Until(() => mesh["b"].Store.GetLatest(sentinel.Id) is not null, "the sentinel reaches b");

        // Act: the campaign joins the federated collection, twice.
        a.Store.Put([campaign], Mesh.Shared);
        a.Store.Put([campaign], Mesh.Shared);

        // Assert: it arrives, and only the first membership was logged.
        await Mesh.Until(() => mesh["b"].Store.GetLatest(campaign.Id) is not null, "the campaign reaches b once it joins the collection");
        Assert.Single(a.Federation.TombstonesAfter(0, 100), e => e.Kind == ChangeKind.Joined && e.Id == campaign.Id);
        Assert.Equal(new SortedSet<string>([campaign.Id + "|" + campaign.Version!.Value.Text, sentinel.Id + "|" + sentinel.Version!.Value.Text], StringComparer.Ordinal),
            Mesh.Versions(mesh["b"]));
    }

    [Fact]
    public async Task Store_Deletion_ReachesPeerThroughTombstone()
    {
        // Arrange
        var (mesh, campaign) = await PairSharingAsync();
        await using var disposing = mesh;

        // Act
        mesh["a"].Store.Delete(campaign.Id, collectionId: Mesh.Shared);

        // Assert
        await Mesh.Until(() => Mesh.Versions(mesh["b"]).Count == 0, "the deletion reaches b");
    }

    [Fact]
    public async Task Taxii_DeleteObject_DeletionReachesPeer()
    {
        // Arrange
        var (mesh, campaign) = await PairSharingAsync();
        await using var disposing = mesh;

        // Act: b's user on a deletes it through a's TAXII API.
        using var http = new HttpClient { BaseAddress = mesh["a"].BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/taxii2/riposte/collections/{Mesh.Shared}/objects/{campaign.Id}/?match[version]=all");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mesh.Token("a", "b"));
        request.Headers.Accept.ParseAdd("application/taxii+json;version=2.1");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Mesh.Until(() => Mesh.Versions(mesh["b"]).Count == 0, "the deletion reaches b");
    }

    [Fact]
    public async Task CommandLineStore_DeletionFromAnotherConnection_ReachesPeer()
    {
        // Arrange
        var (mesh, campaign) = await PairSharingAsync();
        await using var disposing = mesh;

        // Act: the store a command opens on the running node's file, not the server's.
        using (var command = StoreSession.Open(mesh["a"].Db))
            Assert.Equal(1, command.Delete(campaign.Id, collectionId: Mesh.Shared));

        // Assert: a's stream finds the tombstone at its next wake (a heartbeat at the latest).
        await Mesh.Until(() => Mesh.Versions(mesh["b"]).Count == 0, "the deletion reaches b");
    }

    /// <summary>Nodes a and b, b pulling from a, and a campaign written on a that has reached b.</summary>
    private static async Task<(Mesh Mesh, StixObject Campaign)> PairSharingAsync()
    {
        var mesh = await Mesh.StartAsync("a", "b");
        mesh.Peer("b", "a");
        var campaign = Objects.Campaign(mesh["a"].OrganizationId, TlpLevel.Green, "to delete");
        mesh["a"].Store.Put([campaign], Mesh.Shared);
        await Mesh.Until(() => Mesh.Versions(mesh["b"]).Count == 1, "the campaign reaches b");
        return (mesh, campaign);
    }
}
