using System.Text.Json;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>The object being validated, where it sits (its JSON path) and where its issues go.</summary>
internal sealed class ObjectScope(JsonElement json, string type, TypeRule? rule, string path, IssueSink sink)
{
    /// <summary>The object (a JSON object element).</summary>
    public JsonElement Json { get; } = json;
    public string Type { get; } = type;
    public TypeRule? Rule { get; } = rule;

    /// <summary>The object's own JSON path (<c>$</c>, or <c>$.objects[3]</c> inside a bundle).</summary>
    public string Path { get; } = path;

    public IssueSink Sink { get; } = sink;

    public string PathOf(string property) => JsonPathText.Property(Path, property);

    public void Error(string property, string message) => Sink.Error(PathOf(property), message);

    public void Warning(string property, string message) => Sink.Warning(PathOf(property), message);

    /// <summary>Whether the property is present with a value other than null.</summary>
    public bool Has(string property) => Json.TryGetProperty(property, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The property's value, or an element of kind <see cref="JsonValueKind.Undefined"/> when it is absent.</summary>
    public JsonElement Get(string property) => Json.TryGetProperty(property, out var v) ? v : default;

    public string? GetString(string property) =>
        Json.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public StixTimestamp? GetTimestamp(string property) =>
        StixTimestamp.TryParse(GetString(property), out var ts) ? ts : null;
}
