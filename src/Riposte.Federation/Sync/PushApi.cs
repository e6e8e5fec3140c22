using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Federation.Stream;
using Riposte.Stix.Validation;
using Riposte.Storage.Federation;
using Riposte.Taxii.Auth;

namespace Riposte.Federation.Sync;

/// <summary>
/// <c>POST /federation/v1/push</c>: a peer pushes its changes here in the stream's own format (a
/// <c>text/event-stream</c> body of created, updated and deleted events). Authenticated like TAXII; the
/// caller's organisation must be a registered peer, and this node's agreement with it decides what enters
/// (its in-collections that the caller may write, its InMax). Events go through <see cref="IncomingApplier"/>
/// as pulled ones do: provenance is recorded, deletions leave tombstones, and a version arriving after its
/// deletion is refused. Versions must be valid STIX, as for a TAXII POST. Answers <c>{"node","added","unchanged","rejected","conflicts","deleted","errors"}</c>;
/// 400 when an event is malformed (each named; the others are applied).
/// </summary>
public static class PushApi
{
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapPost(path, ReceiveAsync).AsFederationEndpoint("FederationPush");
        return endpoints;
    }

    private static async Task ReceiveAsync(HttpContext context, IServiceProvider services, PeerDirectory peers, IncomingApplier applier,
        IFederationRepository federation, FederationNode node, IOptions<FederationOptions> options, TimeProvider time)
    {
        var principal = TaxiiPrincipal.Get(context);
        if (peers.ForOrganization(principal.OrganizationId) is not { } agreement)
        {
            await Results.Problem($"organisation '{principal.OrganizationId}' is not a registered peer of this node: its pushes are accepted once it is (riposte peer add … --in COLL)",
                statusCode: 403).ExecuteAsync(context);
            return;
        }
        // The agreement's in-collections, narrowed to those the caller may write, as a TAXII POST would be.
        var peer = agreement with { InCollections = Writable(services, principal, agreement.InCollections) };

        var result = default(ApplyResult);
        var errors = new List<string>();
        var batch = new List<ReceivedEvent>();
        var number = 0;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            await foreach (var message in SseReader.ReadAsync(reader, context.RequestAborted))
            {
                if (message.Comment is not null)
                    continue;
                number++;
                try
                {
                    batch.Add(Valid(FeedEventJson.Read(message.Event, message.Id, message.Data)));
                }
                catch (FormatException e)
                {
                    errors.Add($"event #{number}: {e.Message}");
                    continue;
                }
                if (batch.Count >= options.Value.BatchSize)
                {
                    result = result.Plus(applier.Apply(peer, batch));
                    batch.Clear();
                }
            }
        }
        if (batch.Count > 0)
            result = result.Plus(applier.Apply(peer, batch));
        if (number > 0)
            federation.RecordContact(peer.Name, time.GetUtcNow(), null, result.Added + result.Deleted, result.Rejected + result.Conflicts, result.Unchanged);

        context.Response.Headers[EventStreamApi.NodeHeader] = node.Id;
        var answer = new JsonObject
        {
            ["node"] = node.Id,
            ["added"] = result.Added,
            ["unchanged"] = result.Unchanged,
            ["rejected"] = result.Rejected,
            ["conflicts"] = result.Conflicts,
            ["deleted"] = result.Deleted,
            ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e)]),
        };
        await Results.Json(answer, statusCode: errors.Count == 0 ? 200 : 400).ExecuteAsync(context);
    }

    /// <summary>
    /// A pushed version must be valid STIX, as one POSTed by TAXII must: any user of the peer's organisation
    /// can call this endpoint, not only its node. Streams a node pulls come from the peer node itself.
    /// </summary>
    private static ReceivedEvent Valid(ReceivedEvent received)
    {
        if (received.Object is not { } obj || StixValidator.Validate(obj) is not { IsValid: false } result)
            return received;
        var problems = result.Errors.Select(e => "$.object" + e.Path.TrimStart('$') + ": " + e.Message);
        throw new FormatException($"event {received.Cursor}: {string.Join("; ", problems)}");
    }

    private static List<string> Writable(IServiceProvider services, Principal principal, IReadOnlyList<string> collections)
    {
        using var scope = services.CreateScope();
        var gate = scope.ServiceProvider.GetRequiredService<IAccessGate>();
        return [.. collections.Where(c => gate.CanWriteCollection(principal, c))];
    }
}
