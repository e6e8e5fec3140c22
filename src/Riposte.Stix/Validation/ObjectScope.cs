using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>The object being validated, where it sits (its JSON path) and where its issues go.</summary>
internal sealed class ObjectScope(JsonObject json, string type, TypeRule? rule, string path, IssueSink sink)
{
    public JsonObject Json { get; } = json;
    public string Type { get; } = type;
    public TypeRule? Rule { get; } = rule;

    /// <summary>The object's own JSON path (<c>$</c>, or <c>$.objects[3]</c> inside a bundle).</summary>
    public string Path { get; } = path;

    public IssueSink Sink { get; } = sink;

    public string PathOf(string property) => JsonPathText.Property(Path, property);

    public void Error(string property, string message) => Sink.Error(PathOf(property), message);

    public void Warning(string property, string message) => Sink.Warning(PathOf(property), message);

    public bool Has(string property) => Json.TryGetPropertyValue(property, out var v) && v is not null;

    public string? GetString(string property) =>
        Json.TryGetPropertyValue(property, out var v) && v is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    public StixTimestamp? GetTimestamp(string property) =>
        StixTimestamp.TryParse(GetString(property), out var ts) ? ts : null;
}
