using System.Net;
using System.Net.Http.Headers;
using Riposte.Federation.Loopback;
using Riposte.Stix.Markings;

namespace Riposte.Federation.Tests;

/// <summary>The change log served to peers that poll (<c>/federation/v1/changes</c>): same border as the stream.</summary>
public sealed class ChangesApiTests
{
    [Fact]
    public async Task Changes_RedVersionJoinsLater_OnlyTheNamedPeerGetsIt()
    {
        // Arrange: on a, a RED campaign naming b joins the shared collection after it was stored.
        await using var mesh = await Mesh.StartAsync("a", "b", "c");
        var a = mesh["a"];
        var red = Objects.Campaign(a.OrganizationId, TlpLevel.Red, "red naming b", [mesh["b"].OrganizationId]);
        a.Store.Put([red]);
        a.Store.Put([red], Mesh.Shared);

        // Act
        var (toB, bodyB) = await GetAsync(mesh, "b", $"?collection={Mesh.Shared}&after=0");
        var (toC, bodyC) = await GetAsync(mesh, "c", $"?collection={Mesh.Shared}&after=0");

        // Assert: b gets the membership; c gets the page's end and nothing of the campaign.
        Assert.Equal(HttpStatusCode.OK, toB);
        Assert.Contains(red.Id, bodyB, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, toC);
        Assert.DoesNotContain(red.Id, bodyC, StringComparison.Ordinal);
        Assert.Contains(": heartbeat 0-1 ", bodyC, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?collection=6b2f0d4e-1c3a-4f5b-8e7d-0000000000f1&after=x", HttpStatusCode.BadRequest)]
    [InlineData("?after=0", HttpStatusCode.BadRequest)]
    [InlineData("?collection=00000000-0000-4000-8000-00000000dead&after=0", HttpStatusCode.Forbidden)]
    public async Task Changes_BadCursorOrCollection_Refused(string query, HttpStatusCode expected)
    {
        await using var mesh = await Mesh.StartAsync("a", "b");

        var (status, _) = await GetAsync(mesh, "b", query);

        Assert.Equal(expected, status);
    }

    /// <summary>GET of a's change log as <paramref name="guest"/>'s user on a.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(Mesh mesh, string guest, string query)
    {
        using var http = new HttpClient { BaseAddress = mesh["a"].BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/federation/v1/changes" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mesh.Token("a", guest));
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
