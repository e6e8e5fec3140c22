using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Riposte.Federation.Stream;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>
/// The other half of polling a peer whose stream cannot be had: TAXII brings versions, this brings the
/// peer's change log (<see cref="ChangesApi"/>) — deletions and versions that joined a collection later,
/// which <c>added_after</c> cannot see. Its cursor is the peer's log sequence, kept in step with the
/// stream's. A peer without the endpoint (a plain TAXII server) answers 404: nothing to read.
/// </summary>
public sealed class ChangeLogPoller(FederationNode node, IOptions<FederationOptions> options)
{
    public const string CursorName = "log";

    public async Task PollAsync(PeerRecord peer, string token, HttpClient http, IFederationRepository cursors, Func<Inbound, Task> enqueue, CancellationToken ct)
    {
        var after = cursors.GetCursor(peer.Name, CursorName) ?? "0";
        var more = true;
        while (more)
        {
            more = false;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.RequestTimeout);
            var query = string.Join("&", peer.InCollections.Select(c => "collection=" + Uri.EscapeDataString(c))) + "&after=" + Uri.EscapeDataString(after);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(peer.Url), options.Value.ChangesPath + "?" + query));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Add(EventStreamApi.NodeHeader, node.Id);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                return;
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"GET {request.RequestUri} answered {(int)response.StatusCode}: {await PeerLink.Body(response, timeout.Token)}");
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            await foreach (var message in SseReader.ReadAsync(reader, timeout.Token))
            {
                if (message.Comment is { } comment)
                {
                    // The page's end: where to resume, and whether more follows.
                    if (Heartbeat.TryParse(comment, out var beat))
                    {
                        after = beat.Cursor.Tombstone.ToString(CultureInfo.InvariantCulture);
                        more = beat.More;
                        await enqueue(new Inbound(null, CursorName, after));
                    }
                    continue;
                }
                var received = FeedEventJson.Read(message.Event, message.Id, message.Data);
                await enqueue(new Inbound(received, CursorName, received.Cursor.Tombstone.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
