using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Riposte.Taxii.Tests.Support;

/// <summary>Small HTTP helpers: send TAXII envelopes, read TAXII JSON.</summary>
internal static class TaxiiHttp
{
    public const string TaxiiV21 = "application/taxii+json;version=2.1";

    public static StringContent Envelope(JsonObject envelope) => Body(envelope.ToJsonString());

    public static StringContent Body(string text, string contentType = TaxiiV21)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))?.AsObject()
        ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonObject> GetJson(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await JsonOf(response);
    }

    public static IReadOnlyList<string> Ids(JsonObject envelope) =>
        envelope["objects"] is JsonArray objects ? objects.Select(o => (string)o!["id"]!).ToList() : [];

    public static IReadOnlyList<string> Strings(JsonNode? array) =>
        array is JsonArray a ? a.Select(v => (string)v!).ToList() : [];
}
