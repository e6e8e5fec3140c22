using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Storage.Access;
using Riposte.Federation.Loopback;
using Riposte.Federation.Stream;
using Riposte.Federation.Sync;

namespace Riposte.Federation.Tests;

/// <summary>Reads a node's federation endpoints over HTTP as one of its users, as a peer or any reader would.</summary>
internal static class FeedClient
{
    /// <summary>The events of <paramref name="node"/>'s stream of the shared collection from the start, up to the heartbeat that says it has served its whole change log.</summary>
    public static async Task<List<ReceivedEvent>> ReadStreamAsync(LoopbackNode node, string token)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        reading.CancelAfter(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/federation/v1/stream?collection={Mesh.Shared}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, reading.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logEnd = node.Federation.LastTombstone();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(reading.Token));
        var events = new List<ReceivedEvent>();
        await foreach (var message in SseReader.ReadAsync(reader, reading.Token))
        {
            if (message.Comment is not { } comment)
                events.Add(FeedEventJson.Read(message.Event, message.Id, message.Data));
            else if (Heartbeat.TryParse(comment, out var beat) && !beat.More && beat.Cursor.Tombstone >= logEnd)
                break;
        }
        return events;
    }

    /// <summary>One page of <paramref name="node"/>'s change log of the shared collection from the start: the events and the raw body.</summary>
    public static async Task<(List<ReceivedEvent> Events, string Body)> ReadChangesAsync(LoopbackNode node, string token)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/federation/v1/changes?collection={Mesh.Shared}&after=0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var events = new List<ReceivedEvent>();
        await foreach (var message in SseReader.ReadAsync(new StringReader(body), TestContext.Current.CancellationToken))
        {
            if (message.Comment is null)
                events.Add(FeedEventJson.Read(message.Event, message.Id, message.Data));
        }
        return (events, body);
    }

    /// <summary>POSTs a body in the stream's format to <paramref name="node"/>'s push endpoint.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PushAsync(LoopbackNode node, string token, string frames)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/federation/v1/push") { Content = new StringContent(frames) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A new member organisation on <paramref name="node"/>, which is no peer, and a token of its user: a plain reader of its streams.</summary>
    public static (string Organization, string Token) PlainReader(LoopbackNode node)
    {
        using var scope = node.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var organization = "identity--" + Guid.NewGuid().ToString("D");
        sp.GetRequiredService<OrganizationService>().Register(Principal.System, organization, "A plain reader", TrustTier.Member);
        var user = sp.GetRequiredService<UserService>().Create(Principal.System, "reader-" + organization[^6..], organization, Role.Analyst, null);
        return (organization, sp.GetRequiredService<TokenService>().Create(Principal.System, user.Id, "reading", null).Secret);
    }
}
