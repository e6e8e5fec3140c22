using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Riposte.Federation.Stream;
using Riposte.Stix;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>
/// TAXII 2.1 polling of a peer's collections, for when its stream is down (or it has none):
/// <c>added_after</c> with the peer's own <c>X-TAXII-Date-Added-Last</c> as the cursor (never a local
/// clock) and <c>next</c> paging. Versions come without provenance; the idempotent store ends any loop.
/// </summary>
public sealed class TaxiiPoller(IOptions<FederationOptions> options)
{
    public const string MediaType = "application/taxii+json;version=2.1";
    private const int PageSize = 500;

    public static string CursorName(string collection) => "taxii:" + collection;

    public async Task PollAsync(PeerRecord peer, string token, HttpClient http, IFederationRepository cursors, Func<Inbound, Task> enqueue, CancellationToken ct)
    {
        foreach (var collection in peer.InCollections)
        {
            var addedAfter = cursors.GetCursor(peer.Name, CursorName(collection));
            string? next = null;
            do
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(options.Value.RequestTimeout);
                var query = $"?match[version]=all&limit={PageSize}" + (addedAfter is null ? "" : "&added_after=" + Uri.EscapeDataString(addedAfter)) + (next is null ? "" : "&next=" + Uri.EscapeDataString(next));
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(peer.Url), $"{options.Value.PeerApiRootPath}collections/{Uri.EscapeDataString(collection)}/objects/{query}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.ParseAdd(MediaType);
                using var response = await http.SendAsync(request, timeout.Token);
                if (!response.IsSuccessStatusCode)
                    throw new HttpRequestException($"GET {request.RequestUri} answered {(int)response.StatusCode}: {await PeerLink.Body(response, timeout.Token)}");
                var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject
                    ?? throw new JsonException($"GET {request.RequestUri}: the envelope is not a JSON object");
                var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.FirstOrDefault() : null;
                var objects = envelope["objects"] as JsonArray ?? [];
                for (var i = 0; i < objects.Count; i++)
                {
                    if (objects[i] is not JsonObject json)
                        throw new JsonException($"GET {request.RequestUri}: $.objects[{i}] is not an object");
                    json = (JsonObject)json.DeepClone();
                    var obj = new StixObject(json);
                    var received = new ReceivedEvent(FeedEventKind.Created, StreamCursor.Start, obj, [collection], null, [], obj.Id, obj.Version?.Text);
                    await enqueue(new Inbound(received, CursorName(collection), i == objects.Count - 1 ? last : null));
                }
                var more = envelope["more"] is JsonValue m && m.TryGetValue<bool>(out var b) && b;
                next = more ? envelope["next"]?.GetValue<string>() : null;
                if (last is not null && next is null)
                    addedAfter = last;
            }
            while (next is not null);
        }
    }
}
