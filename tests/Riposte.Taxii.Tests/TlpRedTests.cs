using System.Net;
using System.Text.Json.Nodes;
using Riposte.Stix.Markings;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class SqliteTlpRedTests(TaxiiHost host) : TlpRedTests(host);

public sealed class PostgresTlpRedTests(PostgresTaxiiHost host) : TlpRedTests(host.Started());

/// <summary>
/// A TLP:RED object posted by A for B must appear in no answer to anyone else: not in object lists
/// (whatever the filters or pages), not by id, not in versions, not in the manifest, not in statuses.
/// </summary>
public abstract class TlpRedTests(TaxiiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Outsiders => ["pat", "carol", "nadia"];

    private async Task<(string Id, string StatusId)> PostRed()
    {
        using var alice = host.Client("alice");
        var id = StixFactory.NewId();
        var v1 = StixFactory.AttackPattern(id, "2026-01-01T00:00:00.000Z", TaxiiHost.OrgA, TlpMarkings.RedId, recipients: [TaxiiHost.OrgB], name: "RED-SECRET-NAME");
        var v2 = StixFactory.AttackPattern(id, "2026-06-01T00:00:00.000Z", TaxiiHost.OrgA, TlpMarkings.RedId, recipients: [TaxiiHost.OrgB], name: "RED-SECRET-NAME");
        using var response = await alice.PostAsync(host.Objects(TaxiiHost.Shared), TaxiiHttp.Envelope(StixFactory.Envelope(v1, v2)), Ct);
        var status = await TaxiiHttp.JsonOf(response);
        Assert.Equal(2, (int)status["success_count"]!);
        return (id, (string)status["id"]!);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task EveryReadEndpoint_OutsideRecipients_NeverShowsTheRedObject(string outsider)
    {
        var (id, statusId) = await PostRed();
        using var client = host.Client(outsider);
        var texts = new List<string>();

        foreach (var list in new[] { host.Objects(TaxiiHost.Shared), $"{host.ApiRoot}collections/{TaxiiHost.Shared}/manifest/" })
        {
            foreach (var filter in new[] { "", "match[version]=all", "match[version]=first", "match[type]=attack-pattern", $"match[id]={id}" })
                texts.AddRange(await AllPages(client, list, filter));
        }
        foreach (var url in new[] { $"{host.Objects(TaxiiHost.Shared)}{id}/", $"{host.Objects(TaxiiHost.Shared)}{id}/?match[version]=all", $"{host.Objects(TaxiiHost.Shared)}{id}/versions/" })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            texts.Add((await response.Content.ReadAsStringAsync(Ct)).Replace(id, "", StringComparison.Ordinal));
        }
        using (var status = await client.GetAsync($"{host.ApiRoot}status/{statusId}/", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
            texts.Add(await status.Content.ReadAsStringAsync(Ct));
        }
        using (var delete = await client.DeleteAsync($"{host.Objects(TaxiiHost.Shared)}{id}/?match[version]=all", Ct))
            Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
            Assert.DoesNotContain("RED-SECRET-NAME", text, StringComparison.Ordinal);
            Assert.DoesNotContain("2026-06-01T00:00:00.000Z", text, StringComparison.Ordinal);
        });
        Assert.Equal(2, host.Store.GetVersions(id).Count);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    public async Task GetObject_CreatorOrNamedRecipient_SeesTheRedObject(string user)
    {
        var (id, _) = await PostRed();
        using var client = host.Client(user);

        var body = await client.GetJson($"{host.Objects(TaxiiHost.Shared)}{id}/");

        Assert.Equal("RED-SECRET-NAME", (string?)body["objects"]![0]!["name"]);
    }

    private async Task<List<string>> AllPages(HttpClient client, string url, string filter)
    {
        var texts = new List<string>();
        string? next = null;
        for (var page = 0; page < 1000; page++)
        {
            var query = string.Join('&', new[] { filter, next is null ? "" : $"next={Uri.EscapeDataString(next)}" }.Where(p => p.Length > 0));
            using var response = await client.GetAsync(query.Length == 0 ? url : $"{url}?{query}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync(Ct);
            texts.Add(text);
            var body = JsonNode.Parse(text)!.AsObject();
            if (!(bool)body["more"]!)
                return texts;
            next = (string)body["next"]!;
        }
        throw new InvalidOperationException("paging did not end");
    }
}
