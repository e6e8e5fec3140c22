using System.Globalization;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Riposte.Federation.Stream;
using Riposte.Storage.Federation;

namespace Riposte.Federation.Sync;

/// <summary>
/// The one sync loop of one peer: it reads the peer's event stream into a bounded queue (a slow
/// store slows the reader, never grows memory), falls back to TAXII polling when the stream is down,
/// pushes local writes when the agreement says so, and retries with exponential back-off and jitter.
/// Cursors are the peer's own values, persisted after the events before them are applied.
/// </summary>
public sealed class PeerLink(
    PeerRecord peer,
    string token,
    HttpClient http,
    IncomingApplier applier,
    PeerPusher pusher,
    TaxiiPoller poller,
    IFederationRepository federation,
    FederationNode node,
    IOptions<FederationOptions> options,
    TimeProvider time,
    ILogger logger)
{
    public const string StreamCursorName = "stream";
    public const string PeerNodeCursorName = "node";

    private readonly FederationOptions _options = options.Value;
    private string? _received;
    private DateTimeOffset? _lastAdded;

    public PeerRecord Peer => peer;

    public async Task RunAsync(CancellationToken stopping)
    {
        FederationLog.LinkStarted(logger, peer.Name, peer.Url);
        var queue = Channel.CreateBounded<Inbound>(new BoundedChannelOptions(_options.QueueCapacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });
        var apply = Task.Run(() => ApplyLoopAsync(queue.Reader, stopping), CancellationToken.None);
        var push = peer.Push && peer.OutCollections.Count > 0 ? Task.Run(() => pusher.RunAsync(peer, token, http, Retry(), stopping), CancellationToken.None) : Task.CompletedTask;
        try
        {
            var retry = Retry();
            while (!stopping.IsCancellationRequested && peer.InCollections.Count > 0)
            {
                await retry.ExecuteAsync(ct => ReceiveOnceAsync(queue.Writer, ct), stopping);
                await Task.Delay(_options.RetryDelay, stopping);
            }
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(apply, push).ContinueWith(_ => { }, TaskScheduler.Default);
            FederationLog.LinkStopped(logger, peer.Name);
        }
    }

    private ResiliencePipeline Retry() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryDelay,
            MaxDelay = _options.MaxRetryDelay,
        })
        .Build();

    /// <summary>
    /// One stream connection. Fails (so the retry backs off) when it cannot connect; returns when a
    /// stream that worked drops, so the next attempt starts from the shortest delay.
    /// </summary>
    private async ValueTask ReceiveOnceAsync(ChannelWriter<Inbound> queue, CancellationToken ct)
    {
        var connected = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, StreamUri());
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Add(EventStreamApi.NodeHeader, node.Id);
            var resume = _received ?? federation.GetCursor(peer.Name, StreamCursorName);
            if (resume is not null)
                request.Headers.Add("Last-Event-ID", resume);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"stream {request.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase}: {await Body(response, ct)}");
            if (response.Headers.TryGetValues(EventStreamApi.NodeHeader, out var ids) && ids.FirstOrDefault() is { } peerNode)
                federation.SetCursor(peer.Name, PeerNodeCursorName, peerNode);
            connected = true;
            federation.RecordContact(peer.Name, time.GetUtcNow(), null, 0, 0);

            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            idle.CancelAfter(_options.StreamIdleTimeout);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            await foreach (var message in SseReader.ReadAsync(reader, idle.Token))
            {
                idle.CancelAfter(_options.StreamIdleTimeout);
                if (message.Comment is { } comment)
                {
                    if (Heartbeat.TryParse(comment, out var beat))
                        await Enqueue(queue, new Inbound(null, StreamCursorName, beat.Cursor.ToString(), beat), ct);
                    continue;
                }
                var received = FeedEventJson.Read(message.Event, message.Id, message.Data);
                await Enqueue(queue, new Inbound(received, StreamCursorName, received.Cursor.ToString()), ct);
            }
            throw new HttpRequestException("the stream ended");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? $"no event or heartbeat for {_options.StreamIdleTimeout.TotalSeconds:0}s" : e.Message;
            FederationLog.Failed(logger, peer.Name, "stream", why);
            federation.RecordError(peer.Name, time.GetUtcNow(), "stream: " + why);
            // A stream that worked and dropped is reconnected first; polling is for a stream that cannot be had.
            if (connected)
                return;
            await PollAsync(queue, ct);
            throw;
        }
    }

    private async Task Enqueue(ChannelWriter<Inbound> queue, Inbound item, CancellationToken ct)
    {
        await queue.WriteAsync(item, ct);
        _received = item.CursorName == StreamCursorName ? item.CursorValue : _received;
    }

    /// <summary>The fallback while the stream is down: one round of TAXII polling of every agreed collection.</summary>
    private async Task PollAsync(ChannelWriter<Inbound> queue, CancellationToken ct)
    {
        try
        {
            await poller.PollAsync(peer, token, http, federation, item => Enqueue(queue, item, ct), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            FederationLog.Failed(logger, peer.Name, "TAXII poll", e.Message);
            federation.RecordError(peer.Name, time.GetUtcNow(), "poll: " + e.Message);
        }
    }

    private async Task ApplyLoopAsync(ChannelReader<Inbound> queue, CancellationToken stopping)
    {
        var batch = new List<Inbound>();
        try
        {
            while (await queue.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < _options.BatchSize && queue.TryRead(out var item))
                    batch.Add(item);
                ApplyBatch(batch);
            }
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            FederationLog.Failed(logger, peer.Name, "apply", e.Message);
            federation.RecordError(peer.Name, time.GetUtcNow(), "apply: " + e.Message);
            throw;
        }
    }

    private void ApplyBatch(List<Inbound> batch)
    {
        var events = batch.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        var result = events.Count > 0 ? applier.Apply(peer, events) : default;
        if (result.Conflicts > 0)
            FederationLog.Conflicts(logger, peer.Name, result.Conflicts);
        // Cursors move only after what came before them is stored: a crash replays, never skips.
        var cursors = new Dictionary<string, string>(StringComparer.Ordinal);
        TimeSpan? lag = null;
        foreach (var item in batch)
        {
            lag = Lag(item) ?? lag;
            if (item.CursorValue is not null)
                cursors[item.CursorName] = item.CursorValue;
            // The stream's log position keeps the polled change log in step, so a fallback poll does not start over.
            if (item.CursorName == StreamCursorName && StreamCursor.TryParse(item.CursorValue, out var streamed))
                cursors[ChangeLogPoller.CursorName] = streamed.Tombstone.ToString(CultureInfo.InvariantCulture);
            // Streamed versions keep the TAXII cursors in step, so a fallback poll starts where the stream stopped.
            if (item.Event?.Added is { } added)
            {
                foreach (var collection in item.Event.Collections.Where(c => peer.InCollections.Contains(c, StringComparer.Ordinal)))
                    cursors[TaxiiPoller.CursorName(collection)] = added;
            }
        }
        foreach (var (name, value) in cursors)
            federation.SetCursor(peer.Name, name, value);
        federation.RecordContact(peer.Name, time.GetUtcNow(), _received, result.Added + result.Deleted, result.Rejected + result.Conflicts, result.Unchanged, lag);
    }

    /// <summary>
    /// Lag as of an applied heartbeat, on the peer's clock only: nothing when it said it had sent all;
    /// else its time then minus when it stored the newest version applied here. Null for other items.
    /// </summary>
    private TimeSpan? Lag(Inbound item)
    {
        if (item.Event?.Added is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var added))
            _lastAdded = added;
        if (item.Beat is not { } beat)
            return null;
        if (!beat.More)
            return TimeSpan.Zero;
        return beat.ServerTime is { } now && _lastAdded is { } newest && now > newest ? now - newest : TimeSpan.Zero;
    }

    private Uri StreamUri()
    {
        var query = string.Join("&", peer.InCollections.Select(c => "collection=" + Uri.EscapeDataString(c)));
        return new Uri(new Uri(peer.Url), _options.StreamPath + "?" + query);
    }

    internal static async Task<string> Body(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}

/// <summary>An item of a peer's queue: a received event and/or a cursor to persist once everything before it is applied.</summary>
public sealed record Inbound(ReceivedEvent? Event, string CursorName, string? CursorValue, Heartbeat? Beat = null);
