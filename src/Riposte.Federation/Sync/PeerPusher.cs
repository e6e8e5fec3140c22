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
/// Push on write: local changes the agreement lets out are POSTed to the peer's TAXII collections as
/// soon as the store signals them. Reads through the same <see cref="ChangeFeed"/> and border check as
/// the stream; a version whose path holds the peer is not sent back. Its cursor is persisted per batch.
/// </summary>
public sealed class PeerPusher(ChangeFeed feed, ChangeSignal signal, IFederationRepository federation, IServiceScopeFactory scopes, IOptions<FederationOptions> options)
{
    public const string CursorName = "push";

    public async Task RunAsync(PeerRecord peer, string token, HttpClient http, ResiliencePipeline retry, CancellationToken stopping)
    {
        StreamCursor.TryParse(federation.GetCursor(peer.Name, CursorName), out var cursor);
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
                    await retry.ExecuteAsync(ct => SendAsync(peer, token, http, batch.Events, ct), stopping);
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

    private async ValueTask SendAsync(PeerRecord peer, string token, HttpClient http, IReadOnlyList<FeedEvent> events, CancellationToken ct)
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
