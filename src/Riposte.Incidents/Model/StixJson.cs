using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Riposte.Incidents.Model;

/// <summary>How extension properties are written: snake_case names, kebab-case enum values, no nulls.</summary>
public static class StixJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The value as a JSON object, without empty lists or dictionaries (STIX forbids empty lists).</summary>
    public static JsonObject ToObject<T>(T value)
    {
        var json = JsonSerializer.SerializeToNode(value, Options) as JsonObject ?? throw new InvalidOperationException($"{typeof(T).Name} did not serialise to an object");
        DropEmpty(json);
        return json;
    }

    private static void DropEmpty(JsonObject json)
    {
        foreach (var (key, value) in json.ToArray())
        {
            if (value is JsonObject inner)
                DropEmpty(inner);
            if (value is JsonArray { Count: 0 } or JsonObject { Count: 0 })
                json.Remove(key);
        }
    }

    public static T? FromObject<T>(JsonObject? json) where T : class =>
        json is null ? null : json.Deserialize<T>(Options);
}
