using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Riposte.Incidents.Tests.Support;

/// <summary>Small JSON helpers over HttpClient that fail with the server's answer in the message.</summary>
internal static class HttpCalls
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length == 0 ? null : JsonNode.Parse(text);
        return (response.StatusCode, json, response.Headers.ETag?.ToString());
    }

    public static async Task<(JsonNode Body, string? ETag)> ExpectAsync(HttpStatusCode expected, HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var (status, json, etag) = await SendAsync(client, method, path, body, ifMatch);
        Assert.True(status == expected, $"{method} {path}: expected {(int)expected}, got {(int)status}: {json?.ToJsonString()}");
        return (json!, etag);
    }
}
