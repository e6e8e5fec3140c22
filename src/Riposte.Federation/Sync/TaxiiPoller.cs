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
/// clock) and <c>next</c> paging. TAXII envelopes carry no provenance, so each page's is asked of the
/// peer (<see cref="ProvenanceClient"/>); a plain TAXII server without it is taken as the origin. Deletions and
/// later memberships, which TAXII cannot tell, are then read from the peer's change log (<see cref="ChangeLogPoller"/>).
/// </summary>
public sealed class TaxiiPoller(ProvenanceClient provenance, ChangeLogPoller changes, IOptions<FederationOptions> options)
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
                var objects = Objects(envelope, request.RequestUri!);
                var paths = await provenance.LookupAsync(peer, token, http, collection, objects, ct);
                if (paths?.Node is { } remoteNode)
                    cursors.SetCursor(peer.Name, PeerLink.PeerNodeCursorName, remoteNode);
                var fallback = cursors.GetCursor(peer.Name, PeerLink.PeerNodeCursorName) ?? "peer:" + peer.Name;
                for (var i = 0; i < objects.Count; i++)
                {
                    var obj = objects[i];
                    var path = paths?.Paths.TryGetValue((obj.Id, obj.Version?.Text ?? ""), out var known) == true ? known.Path : [fallback];
                    var received = new ReceivedEvent(FeedEventKind.Created, StreamCursor.Start, obj, [collection], path[0], path, obj.Id, obj.Version?.Text);
                    await enqueue(new Inbound(received, CursorName(collection), i == objects.Count - 1 ? last : null));
                }
                var more = envelope["more"] is JsonValue m && m.TryGetValue<bool>(out var b) && b;
                next = more ? envelope["next"]?.GetValue<string>() : null;
                if (last is not null && next is null)
                    addedAfter = last;
            }
            while (next is not null);
        }
        await changes.PollAsync(peer, token, http, cursors, enqueue, ct);
    }

    private static List<StixObject> Objects(JsonObject envelope, Uri request)
    {
        var objects = envelope["objects"] as JsonArray ?? [];
        var list = new List<StixObject>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i] is not JsonObject json)
                throw new JsonException($"GET {request}: $.objects[{i}] is not an object");
            list.Add(new StixObject((JsonObject)json.DeepClone()));
        }
        return list;
    }
}
