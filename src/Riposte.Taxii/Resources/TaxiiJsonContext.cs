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
