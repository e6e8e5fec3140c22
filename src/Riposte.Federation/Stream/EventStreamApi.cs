using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Riposte.Federation.Border;
using Riposte.Taxii.Auth;

namespace Riposte.Federation.Stream;

/// <summary>
/// <c>GET /federation/v1/stream?collection=…</c>: Server-Sent Events of the versions and deletions the
/// caller may see, resumable with <c>Last-Event-ID</c> (or <c>?after=</c>), with heartbeat comments.
/// Authenticated like TAXII. A caller whose organisation is a registered peer also gets the agreement applied.
/// </summary>
public static class EventStreamApi
{
    public const string NodeHeader = "X-Riposte-Node";

    public static IEndpointRouteBuilder MapEventStream(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapGet(path, StreamAsync).AsFederationEndpoint("FederationStream");
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext context, IServiceProvider services,
        ChangeFeed feed, ChangeSignal signal, FederationNode node, IOptions<FederationOptions> options, IHostApplicationLifetime lifetime, TimeProvider time)
    {
        var principal = TaxiiPrincipal.Get(context);
        var collections = FeedAccess.Collections(context.Request);
        string? resume = context.Request.Headers["Last-Event-ID"];
        resume ??= context.Request.Query["after"];
        var cursor = StreamCursor.Start;
        if (!string.IsNullOrEmpty(resume) && !StreamCursor.TryParse(resume, out cursor))
        {
            await Results.Problem($"Last-Event-ID '{resume}' is not an event id of this stream (expected '<sequence>-<tombstone>')", statusCode: 400).ExecuteAsync(context);
            return;
        }
        if (await FeedAccess.RefusedAsync(context, services, principal, collections))
            return;

        string? subscriber = context.Request.Headers[NodeHeader];
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers[NodeHeader] = node.Id;
        // Streams never end by themselves: a stopping host ends them so shutdown does not wait out its timeout.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ending.Token;
        var writer = new StreamWriter(context.Response.Body) { NewLine = "\n", AutoFlush = false };
        await using (writer)
        {
            await writer.WriteAsync($": {new Heartbeat(cursor, time.GetUtcNow(), false).Format()}\n\n");
            await writer.FlushAsync(aborted);
            var heartbeat = options.Value.HeartbeatInterval;
            using var watching = signal.Watch();
            try
            {
                while (!aborted.IsCancellationRequested)
                {
                    // Taken before reading, so a write landing during the read still wakes the next wait.
                    var change = signal.NextChange;
                    FeedBatch batch;
                    using (var scope = services.CreateScope())
                        batch = feed.Read(scope.ServiceProvider.GetRequiredService<BorderCheck>(), principal, subscriber, collections, cursor);
                    foreach (var feedEvent in batch.Events)
                        await writer.WriteAsync(Frame(feedEvent));
                    var moved = batch.Next != cursor;
                    cursor = batch.Next;
                    if (moved)
                    {
                        // Also tells the subscriber how far it has been served when everything was held back, and whether more follows.
                        await writer.WriteAsync($": {new Heartbeat(cursor, time.GetUtcNow(), batch.More).Format()}\n\n");
                        await writer.FlushAsync(aborted);
                        continue;
                    }
                    await writer.FlushAsync(aborted);
                    try
                    {
                        await change.WaitAsync(heartbeat, aborted);
                    }
                    catch (TimeoutException)
                    {
                        await writer.WriteAsync($": {new Heartbeat(cursor, time.GetUtcNow(), false).Format()}\n\n");
                        await writer.FlushAsync(aborted);
                    }
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The subscriber went away: the normal end of a stream.
            }
            catch (IOException) when (aborted.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>An event as the stream sends it: id, event name, one data line, a blank line.</summary>
    public static string Frame(FeedEvent feedEvent) => $"id: {feedEvent.Cursor}\nevent: {Name(feedEvent.Kind)}\ndata: {FeedEventJson.Write(feedEvent)}\n\n";

    public static string Name(FeedEventKind kind) => kind switch
    {
        FeedEventKind.Created => "created",
        FeedEventKind.Updated => "updated",
        _ => "deleted",
    };
}
