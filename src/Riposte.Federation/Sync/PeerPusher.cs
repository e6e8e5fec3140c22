using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Riposte.Federation.Border;
using Riposte.Federation.Stream;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>
/// Push on write: local changes the agreement lets out are sent to the peer as soon as the store signals
/// them, read through the same <see cref="ChangeFeed"/> and border check as the stream (a version whose
/// path holds the peer is not sent back; a deletion goes only where its version could). They go to the
/// peer's push endpoint (<see cref="PushApi"/>) in the stream's format, so the peer applies them as pulled
/// ones: its border, provenance, tombstones. A peer without that endpoint (a plain TAXII server: 404) gets
/// TAXII POST and DELETE instead. Its cursor is persisted per batch.
/// </summary>
public sealed class PeerPusher(
    ChangeFeed feed,
    ChangeSignal signal,
    IFederationRepository federation,
    FederationNode node,
    IServiceScopeFactory scopes,
    IOptions<FederationOptions> options,
    TimeProvider time)
{
    public const string CursorName = "push";

    public async Task RunAsync(PeerRecord peer, string token, HttpClient http, ResiliencePipeline retry, CancellationToken stopping)
    {
        StreamCursor.TryParse(federation.GetCursor(peer.Name, CursorName), out var cursor);
        // Learnt at the first push: a peer answering 404 there is a plain TAXII server for this run.
        var plainTaxii = false;
        using var watching = signal.Watch();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var change = signal.NextChange;
                FeedBatch batch;
                using (var scope = scopes.CreateScope())
                {
                    var peerNode = federation.GetCursor(peer.Name, PeerLink.PeerNodeCursorName);
                    batch = feed.Read(scope.ServiceProvider.GetRequiredService<BorderCheck>(), BorderCheck.PrincipalOf(peer), peerNode, peer.OutCollections, cursor);
                }
                if (batch.Events.Count > 0)
                    plainTaxii = await retry.ExecuteAsync(ct => SendAsync(peer, token, http, batch.Events, plainTaxii, ct), stopping);
                if (batch.Next != cursor)
                {
                    cursor = batch.Next;
                    federation.SetCursor(peer.Name, CursorName, cursor.ToString());
                    continue;
                }
                await Task.WhenAny(change, Task.Delay(options.Value.HeartbeatInterval, stopping));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one batch; true when the peer turned out to be a plain TAXII server. A failure is shown by <c>peer status</c> (until the next success) and retried.</summary>
    private async ValueTask<bool> SendAsync(PeerRecord peer, string token, HttpClient http, IReadOnlyList<FeedEvent> events, bool plainTaxii, CancellationToken ct)
    {
        try
        {
            var pushed = !plainTaxii && await PushAsync(peer, token, http, events, ct);
            if (!pushed)
                await SendByTaxiiAsync(peer, token, http, events, ct);
            // A successful exchange: last contact moves and a previous push error is cleared.
            federation.RecordContact(peer.Name, time.GetUtcNow(), null, 0, 0);
            return !pushed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            federation.RecordError(peer.Name, time.GetUtcNow(), "push: " + e.Message);
            throw;
        }
    }

    /// <summary>POSTs the events to the peer's push endpoint; false when it has none (404 or 405).</summary>
    private async Task<bool> PushAsync(PeerRecord peer, string token, HttpClient http, IReadOnlyList<FeedEvent> events, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(peer.Url), options.Value.PushPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(EventStreamApi.NodeHeader, node.Id);
        request.Content = new StringContent(string.Concat(events.Select(EventStreamApi.Frame)), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
        using var response = await http.SendAsync(request, timeout.Token);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            return false;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST {request.RequestUri} answered {(int)response.StatusCode}: {await PeerLink.Body(response, timeout.Token)}");
        // The peer's node id: versions whose path already holds it are not pushed back to it.
        if (response.Headers.TryGetValues(EventStreamApi.NodeHeader, out var ids) && ids.FirstOrDefault() is { } peerNode)
            federation.SetCursor(peer.Name, PeerLink.PeerNodeCursorName, peerNode);
        return true;
    }

    private async Task SendByTaxiiAsync(PeerRecord peer, string token, HttpClient http, IReadOnlyList<FeedEvent> events, CancellationToken ct)
    {
        var versions = events.Where(e => e.Object is not null).ToList();
        foreach (var collection in peer.OutCollections)
        {
            var objects = versions.Where(e => e.Collections.Contains(collection, StringComparer.Ordinal)).Select(e => e.Object!.ToJson()).ToList();
            if (objects.Count > 0)
                await PostAsync(peer, token, http, collection, "{\"objects\":[" + string.Join(",", objects) + "]}", ct);
            foreach (var deletion in events.Where(e => e.Tombstone is not null && e.Collections.Contains(collection, StringComparer.Ordinal)))
                await DeleteAsync(peer, token, http, collection, deletion.Tombstone!, ct);
        }
    }

    private async Task PostAsync(PeerRecord peer, string token, HttpClient http, string collection, string envelope, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, ObjectsUri(peer, collection, ""));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd(TaxiiPoller.MediaType);
        request.Content = new StringContent(envelope, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiPoller.MediaType);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST {request.RequestUri} answered {(int)response.StatusCode}: {await PeerLink.Body(response, timeout.Token)}");
    }

    private async Task DeleteAsync(PeerRecord peer, string token, HttpClient http, string collection, TombstoneRecord deletion, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.RequestTimeout);
        var version = deletion.Version is null ? "?match[version]=all" : "?match[version]=" + Uri.EscapeDataString(deletion.Version);
        using var request = new HttpRequestMessage(HttpMethod.Delete, ObjectsUri(peer, collection, Uri.EscapeDataString(deletion.Id) + "/" + version));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.ParseAdd(TaxiiPoller.MediaType);
        using var response = await http.SendAsync(request, timeout.Token);
        // Already gone there is as good as deleted.
        if (!response.IsSuccessStatusCode && (int)response.StatusCode != 404)
            throw new HttpRequestException($"DELETE {request.RequestUri} answered {(int)response.StatusCode}: {await PeerLink.Body(response, timeout.Token)}");
    }

    private Uri ObjectsUri(PeerRecord peer, string collection, string rest) =>
        new(new Uri(peer.Url), $"{options.Value.PeerApiRootPath}collections/{Uri.EscapeDataString(collection)}/objects/{rest}");
}
