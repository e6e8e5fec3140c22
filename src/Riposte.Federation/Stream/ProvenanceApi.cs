using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Federation.Border;
using Riposte.Stix;
using Riposte.Storage;
using Riposte.Storage.Federation;
using Riposte.Taxii.Auth;

namespace Riposte.Federation.Stream;

/// <summary>
/// <c>POST /federation/v1/provenance?collection=C</c> with <c>{"versions":[{"id":…,"version":…}]}</c>: where
/// those versions came from, for a peer that polled them by TAXII (TAXII envelopes carry no provenance).
/// Answers only for versions of the collection the caller may receive (same checks as the stream):
/// <c>{"node":"node--…","provenance":[{"id","version","origin","path"}]}</c>.
/// </summary>
public static class ProvenanceApi
{
    public const int MaxVersions = 1_000;

    public static IEndpointRouteBuilder MapProvenanceApi(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapPost(path, LookupAsync).AsFederationEndpoint("FederationProvenance");
        return endpoints;
    }

    private static async Task LookupAsync(HttpContext context, IServiceProvider services, ChangeFeed feed, IStixStore store, FederationNode node)
    {
        var principal = TaxiiPrincipal.Get(context);
        var collections = FeedAccess.Collections(context.Request);
        var refused = collections.Count > 1 ? "name exactly one collection" : FeedAccess.Check(services, principal, collections);
        if (refused is not null)
        {
            await Results.Problem(refused, statusCode: collections.Count == 1 ? 403 : 400).ExecuteAsync(context);
            return;
        }
        List<(string Id, string Version)> keys;
        try
        {
            keys = ReadKeys(await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            await Results.Problem("provenance request: " + e.Message, statusCode: 400).ExecuteAsync(context);
            return;
        }

        var wanted = keys.ToHashSet();
        var held = store.Query(new StixQuery { CollectionId = collections[0], Ids = [.. keys.Select(k => k.Id).Distinct(StringComparer.Ordinal)], Versions = VersionFilter.All })
            .Select(s => s.Object).Where(o => wanted.Contains(Key(o))).ToList();
        var answer = new JsonArray();
        using var scope = services.CreateScope();
        foreach (var (obj, path, _) in feed.Outgoing(scope.ServiceProvider.GetRequiredService<BorderCheck>(), principal, null, held))
        {
            answer.Add(new JsonObject
            {
                ["id"] = obj.Id,
                ["version"] = obj.Version?.Text ?? "",
                ["origin"] = path[0],
                ["path"] = new JsonArray([.. path.Select(p => (JsonNode)p)]),
            });
        }
        await Results.Json(new JsonObject { ["node"] = node.Id, ["provenance"] = answer }).ExecuteAsync(context);
    }

    private static List<(string Id, string Version)> ReadKeys(JsonNode? body)
    {
        if (body?["versions"] is not JsonArray versions)
            throw new FormatException("$.versions must be an array");
        if (versions.Count > MaxVersions)
            throw new FormatException($"$.versions holds {versions.Count} items; at most {MaxVersions} per request");
        var keys = new List<(string, string)>(versions.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            var id = versions[i]?["id"]?.GetValue<string>() ?? throw new FormatException($"$.versions[{i}].id is missing");
            var version = versions[i]?["version"]?.GetValue<string>() ?? throw new FormatException($"$.versions[{i}].version is missing");
            keys.Add((id, version));
        }
        return keys;
    }

    private static (string Id, string Version) Key(StixObject obj) => (obj.Id, obj.Version?.Text ?? "");
}
