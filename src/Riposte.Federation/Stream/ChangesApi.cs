using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Riposte.Federation.Border;
using Riposte.Taxii.Auth;

namespace Riposte.Federation.Stream;

/// <summary>
/// <c>GET /federation/v1/changes?collection=C[&amp;collection=D]&amp;after=N</c>: one page of the change log
/// (deletions and later collection memberships) after log sequence N, for a peer that polls by TAXII
/// because it cannot hold the stream open: TAXII has neither deletions nor membership times. The body is
/// the stream's own format, ended: events (ids <c>0-&lt;log sequence&gt;</c>), then a heartbeat comment whose
/// cursor is where to resume and which says <c>more</c> when the page was full. Same checks as the stream.
/// </summary>
public static class ChangesApi
{
    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapGet(path, ReadAsync).AsFederationEndpoint("FederationChanges");
        return endpoints;
    }

    private static async Task ReadAsync(HttpContext context, IServiceProvider services, ChangeFeed feed, IOptions<FederationOptions> options, FederationNode node, TimeProvider time)
    {
        var principal = TaxiiPrincipal.Get(context);
        var collections = FeedAccess.Collections(context.Request);
        string? after = context.Request.Query["after"];
        long afterLog = 0;
        if (!string.IsNullOrEmpty(after) && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterLog))
        {
            await Results.Problem($"after '{after}' is not a change-log sequence (a whole number)", statusCode: 400).ExecuteAsync(context);
            return;
        }
        if (await FeedAccess.RefusedAsync(context, services, principal, collections))
            return;

        FeedBatch batch;
        using (var scope = services.CreateScope())
            batch = feed.ReadLog(scope.ServiceProvider.GetRequiredService<BorderCheck>(), principal, context.Request.Headers[EventStreamApi.NodeHeader], collections, afterLog, 0, options.Value.BatchSize);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers[EventStreamApi.NodeHeader] = node.Id;
        await using var writer = new StreamWriter(context.Response.Body) { NewLine = "\n" };
        foreach (var feedEvent in batch.Events)
            await writer.WriteAsync(EventStreamApi.Frame(feedEvent));
        await writer.WriteAsync($": {new Heartbeat(batch.Next, time.GetUtcNow(), batch.More).Format()}\n\n");
    }
}
