using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Riposte.Stix.Markings;
using Riposte.Taxii.Tests.Support;

namespace Riposte.Taxii.Tests;

public sealed class SqliteAccessMatrixTests(TaxiiHost host) : AccessMatrixTests(host);

public sealed class PostgresAccessMatrixTests(PostgresTaxiiHost host) : AccessMatrixTests(host.Started());

/// <summary>
/// Endpoint × user (role and organisation relationship) × marking: every read endpoint shows an
/// object exactly to the readers the marking rules allow, and to nobody else.
/// Objects are created by organisation A in the Shared collection.
/// </summary>
public abstract class AccessMatrixTests(TaxiiHost host)
{
    private static readonly ConcurrentDictionary<(TaxiiHost, string), string> Planted = new();

    public enum Endpoint
    {
        Objects,
        Object,
        Versions,
        Manifest,
    }

    // alice: A's analyst (creator's organisation); amy: A's reader; bob: B's analyst, B is A's client;
    // pat: partner organisation's partner role; carol: unrelated member; nadia: the node's admin.
    private static readonly Dictionary<string, string[]> Audience = new()
    {
        ["CLEAR"] = ["alice", "amy", "bob", "pat", "carol", "nadia"],
        ["GREEN"] = ["alice", "amy", "bob", "pat", "carol", "nadia"],
        ["AMBER"] = ["alice", "amy", "bob"],
        ["AMBER+STRICT"] = ["alice", "amy"],
        ["RED to B"] = ["alice", "amy", "bob"],
        ["RED"] = ["alice", "amy"],
    };

    public static TheoryData<Endpoint, string, string, bool> Cases()
    {
        var data = new TheoryData<Endpoint, string, string, bool>();
        foreach (var endpoint in Enum.GetValues<Endpoint>())
        {
            foreach (var (marking, audience) in Audience)
            {
                foreach (var user in TaxiiHost.Users.Keys)
                    data.Add(endpoint, user, marking, audience.Contains(user));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadEndpoint_UserAndMarking_VisibleExactlyToItsAudience(Endpoint endpoint, string user, string marking, bool visible)
    {
        var id = Plant(marking);
        using var client = host.Client(user);
        var objectUrl = $"{host.Objects(TaxiiHost.Shared)}{id}/";

        var url = endpoint switch
        {
            Endpoint.Objects => $"{host.Objects(TaxiiHost.Shared)}?match[id]={id}&match[version]=all",
            Endpoint.Object => $"{objectUrl}?match[version]=all",
            Endpoint.Versions => $"{objectUrl}versions/",
            _ => $"{host.ApiRoot}collections/{TaxiiHost.Shared}/manifest/?match[id]={id}&match[version]=all",
        };
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        if (visible)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(endpoint == Endpoint.Versions ? "2026-04-01T00:00:00.000Z" : id, text, StringComparison.Ordinal);
        }
        else
        {
            // By id the object does not exist for this reader (the answer is the one for an id never
            // stored, which repeats the id asked for); in lists it is simply absent.
            if (endpoint is Endpoint.Object or Endpoint.Versions)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var unknown = StixFactory.NewId();
                using var never = await client.GetAsync(url.Replace(id, unknown, StringComparison.Ordinal), TestContext.Current.CancellationToken);
                var neverText = await never.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.Equal(neverText.Replace(unknown, "<id>", StringComparison.Ordinal), text.Replace(id, "<id>", StringComparison.Ordinal));
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain(id, text, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("2026-04-01T00:00:00.000Z", text, StringComparison.Ordinal);
        }
    }

    private string Plant(string marking) => Planted.GetOrAdd((host, marking), key =>
    {
        var (level, recipients) = key.Item2 switch
        {
            "CLEAR" => (TlpMarkings.ClearId, (string[]?)null),
            "GREEN" => (TlpMarkings.GreenId, null),
            "AMBER" => (TlpMarkings.AmberId, null),
            "AMBER+STRICT" => (TlpMarkings.AmberStrictId, null),
            "RED to B" => (TlpMarkings.RedId, [TaxiiHost.OrgB]),
            _ => (TlpMarkings.RedId, null),
        };
        var id = StixFactory.NewId();
        host.Put(TaxiiHost.Shared, StixFactory.AttackPattern(id, "2026-01-01T00:00:00.000Z", TaxiiHost.OrgA, level, recipients: recipients));
        host.Put(TaxiiHost.Shared, StixFactory.AttackPattern(id, "2026-04-01T00:00:00.000Z", TaxiiHost.OrgA, level, recipients: recipients));
        return id;
    });
}
