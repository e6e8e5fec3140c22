using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Riposte.Stix;

namespace Riposte.Federation.Sync;

/// <summary>A version's origin and the nodes it passed through, as the peer that served it recorded them.</summary>
public sealed record RemoteProvenance(string Origin, IReadOnlyList<string> Path);

/// <summary>
/// Asks a peer where the versions it served by TAXII came from (<see cref="Stream.ProvenanceApi"/>), so
/// polled versions carry provenance like streamed ones and a version whose path holds this node is
/// recognised as its own coming back. A peer without the endpoint (a plain TAXII server) answers 404: null.
/// </summary>
public sealed class ProvenanceClient(IOptions<FederationOptions> options)
{
    public async Task<(string? Node, IReadOnlyDictionary<(string Id, string Version), RemoteProvenance> Paths)?> LookupAsync(
        Storage.Federation.PeerRecord peer, string token, HttpClient http, string collection, IReadOnlyList<StixObject> objects, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), RemoteProvenance>();
        string? remoteNode = null;
        foreach (var chunk in objects.Chunk(Stream.ProvenanceApi.MaxVersions))
        {
            var body = new JsonObject { ["versions"] = new JsonArray([.. chunk.Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["version"] = o.Version?.Text ?? "" })]) };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.RequestTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(peer.Url), options.Value.ProvenancePath + "?collection=" + Uri.EscapeDataString(collection)));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"POST {request.RequestUri} answered {(int)response.StatusCode}: {await PeerLink.Body(response, timeout.Token)}");
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject
                ?? throw new JsonException($"POST {request.RequestUri}: the answer is not a JSON object");
            remoteNode = answer["node"]?.GetValue<string>();
            var items = answer["provenance"] as JsonArray ?? throw new JsonException($"POST {request.RequestUri}: $.provenance is not an array");
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i] as JsonObject ?? throw new JsonException($"POST {request.RequestUri}: $.provenance[{i}] is not an object");
                var path = (item["path"] as JsonArray)?.Select(p => p?.GetValue<string>() ?? "").ToArray() ?? [];
                if (path.Length == 0 || item["id"]?.GetValue<string>() is not { } id || item["version"]?.GetValue<string>() is not { } version)
                    throw new JsonException($"POST {request.RequestUri}: $.provenance[{i}] needs id, version and a non-empty path");
                found[(id, version)] = new RemoteProvenance(path[0], path);
            }
        }
        return (remoteNode, found);
    }
}
