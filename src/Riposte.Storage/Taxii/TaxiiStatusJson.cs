using System.Text.Json;
using System.Text.Json.Serialization;

namespace Riposte.Storage.Taxii;

/// <summary>How every provider stores a status's detail lists: one JSON array per list.</summary>
public static class TaxiiStatusJson
{
    public static string Serialize(IReadOnlyList<TaxiiStatusDetail> details) =>
        JsonSerializer.Serialize(details.ToArray(), StatusDetailJsonContext.Default.TaxiiStatusDetailArray);

    public static TaxiiStatusDetail[] Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StatusDetailJsonContext.Default.TaxiiStatusDetailArray) ?? [];
}

[JsonSerializable(typeof(TaxiiStatusDetail[]))]
internal sealed partial class StatusDetailJsonContext : JsonSerializerContext;
