using System.Net;
using Riposte.Incidents.Tests.Support;

namespace Riposte.Incidents.Tests;

/// <summary>
/// Two analysts editing the same incident: the stale edit is refused by the store's write transaction,
/// so the rule holds across two hosts (or processes) on one database, not only inside one process.
/// </summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private readonly NodeHost _first = new();
    private NodeHost? _second;

    public async ValueTask InitializeAsync()
    {
        await _first.StartAsync();
        _second = NodeHost.SharingDatabaseOf(_first);
        await _second.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
            await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Patch_SameVersionOnTwoHosts_SecondHostGets412AndFirstEditStands()
    {
        using var alice = _first.Client("alice");
        using var bob = _second!.Client("bob");
        var (created, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", new { name = "Forged memo", category = "election-interference" });
        var path = $"/api/incidents/{created["id"]}";

        var (_, aliceTag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Patch, path, new { impact = "alice's assessment" }, etag);
        var (problem, _) = await HttpCalls.ExpectAsync(HttpStatusCode.PreconditionFailed, bob, HttpMethod.Patch, path, new { impact = "bob's assessment" }, etag);
        var (latest, latestTag) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, bob, HttpMethod.Get, path);

        Assert.Equal(aliceTag, latestTag);
        Assert.Equal(aliceTag, "\"" + problem["currentVersion"]!.GetValue<string>() + "\"");
        Assert.Equal("alice's assessment", latest["impact"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ManyConcurrentEditsOfOneVersionOnTwoHosts_ExactlyOneWins()
    {
        using var alice = _first.Client("alice");
        using var bob = _second!.Client("bob");
        var (created, etag) = await HttpCalls.ExpectAsync(HttpStatusCode.Created, alice, HttpMethod.Post, "/api/incidents", new { name = "Forged memo", category = "election-interference" });
        var path = $"/api/incidents/{created["id"]}";

        var edits = Enumerable.Range(0, 12).Select(i => HttpCalls.SendAsync(i % 2 == 0 ? alice : bob, HttpMethod.Patch, path,
            new { impact = "edit " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, etag));
        var statuses = (await Task.WhenAll(edits)).Select(r => r.Status).ToList();
        var (history, _) = await HttpCalls.ExpectAsync(HttpStatusCode.OK, alice, HttpMethod.Get, path + "/history");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(11, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        Assert.Equal(2, history.AsArray().Count);
    }
}
