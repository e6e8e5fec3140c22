using System.Text.Json.Serialization;

namespace Riposte.Taxii.Resources;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscoveryResource))]
[JsonSerializable(typeof(ApiRootResource))]
[JsonSerializable(typeof(CollectionsResource))]
[JsonSerializable(typeof(CollectionResource))]
[JsonSerializable(typeof(ManifestResource))]
[JsonSerializable(typeof(VersionsResource))]
[JsonSerializable(typeof(StatusResource))]
[JsonSerializable(typeof(TaxiiError))]
public sealed partial class TaxiiJsonContext : JsonSerializerContext;

/// <summary>The context the server writes with: quotes and apostrophes in messages stay readable (responses are JSON, never HTML).</summary>
public static class TaxiiJson
{
    public static TaxiiJsonContext Context { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
