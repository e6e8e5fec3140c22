using System.Text.Json.Nodes;
using Riposte.Stix.Validation;

namespace Riposte.Stix;

/// <summary>
/// Builds STIX objects in code: type, spec_version, id (random, or the deterministic id for an SCO)
/// and created/modified are filled in; <see cref="Build"/> validates and refuses an invalid object.
/// <code>
/// var actor = StixObjectBuilder.Create("threat-actor").Set("name", "Ghostwriter").Labels("fimi").Build();
/// var rel = StixObjectBuilder.Relationship("attributed-to", campaign.Id, actor.Id).Build();
/// </code>
/// </summary>
public sealed class StixObjectBuilder
{
    private readonly JsonObject json;
    private readonly StixCategory category;
    private readonly TimeProvider clock;

    private StixObjectBuilder(string type, TimeProvider clock)
    {
        if (!StixIds.IsValidType(type))
            throw new ArgumentException($"'{type}' is not a valid STIX type name", nameof(type));
        this.clock = clock;
        category = StixTypes.CategoryOf(type);
        json = new JsonObject { ["type"] = type };
        if (category != StixCategory.Bundle)
            json["spec_version"] = "2.1";
    }

    public static StixObjectBuilder Create(string type, TimeProvider? clock = null) => new(type, clock ?? TimeProvider.System);

    /// <summary>A relationship <paramref name="sourceRef"/> —<paramref name="relationshipType"/>→ <paramref name="targetRef"/>.</summary>
    public static StixObjectBuilder Relationship(string relationshipType, string sourceRef, string targetRef, TimeProvider? clock = null) =>
        Create("relationship", clock).Set("relationship_type", relationshipType).Set("source_ref", sourceRef).Set("target_ref", targetRef);

    /// <summary>Starts from a copy of an existing object, e.g. to make a new version of it.</summary>
    public static StixObjectBuilder From(StixObject existing, TimeProvider? clock = null)
    {
        var builder = new StixObjectBuilder(existing.Type, clock ?? TimeProvider.System);
        foreach (var (key, value) in existing.Json)
            builder.json[key] = value?.DeepClone();
        return builder;
    }

    public StixObjectBuilder Id(string id) => Set("id", id);

    public StixObjectBuilder Set(string property, string? value) => SetNode(property, value is null ? null : JsonValue.Create(value));
    public StixObjectBuilder Set(string property, long value) => SetNode(property, JsonValue.Create(value));
    public StixObjectBuilder Set(string property, double value) => SetNode(property, JsonValue.Create(value));
    public StixObjectBuilder Set(string property, bool value) => SetNode(property, JsonValue.Create(value));
    public StixObjectBuilder Set(string property, StixTimestamp value) => SetNode(property, JsonValue.Create(value.Text));
    public StixObjectBuilder Set(string property, IEnumerable<string> values) => SetNode(property, ToArray(values));

    /// <summary>Sets any JSON (a copy is stored); null removes the property.</summary>
    public StixObjectBuilder Set(string property, JsonNode? value) => SetNode(property, value?.DeepClone());

    public StixObjectBuilder Remove(string property)
    {
        json.Remove(property);
        return this;
    }

    /// <summary>Appends to a list property such as <c>object_refs</c>, creating it if needed.</summary>
    public StixObjectBuilder Add(string listProperty, params string[] values)
    {
        if (json[listProperty] is not JsonArray array)
            json[listProperty] = array = [];
        foreach (var value in values)
            array.Add(value);
        return this;
    }

    public StixObjectBuilder CreatedBy(string identityId) => Set("created_by_ref", identityId);
    public StixObjectBuilder Labels(params string[] labels) => Add("labels", labels);
    public StixObjectBuilder Markings(params string[] markingDefinitionIds) => Add("object_marking_refs", markingDefinitionIds);
    public StixObjectBuilder Confidence(int confidence) => Set("confidence", confidence);
    public StixObjectBuilder Created(StixTimestamp created) => Set("created", created);
    public StixObjectBuilder Modified(StixTimestamp modified) => Set("modified", modified);

    public StixObjectBuilder ExternalReference(string sourceName, string? externalId = null, string? url = null, string? description = null)
    {
        var reference = new JsonObject { ["source_name"] = sourceName };
        if (description is not null)
            reference["description"] = description;
        if (url is not null)
            reference["url"] = url;
        if (externalId is not null)
            reference["external_id"] = externalId;
        return AddObject("external_references", reference);
    }

    public StixObjectBuilder KillChainPhase(string killChainName, string phaseName) =>
        AddObject("kill_chain_phases", new JsonObject { ["kill_chain_name"] = killChainName, ["phase_name"] = phaseName });

    /// <summary>Adds an extension's properties under an extension-definition id.</summary>
    public StixObjectBuilder Extension(string extensionDefinitionId, string extensionType, JsonObject? properties = null)
    {
        if (json["extensions"] is not JsonObject extensions)
            json["extensions"] = extensions = [];
        var extension = new JsonObject { ["extension_type"] = extensionType };
        if (properties is not null)
        {
            foreach (var (key, value) in properties)
                extension[key] = value?.DeepClone();
        }
        extensions[extensionDefinitionId] = extension;
        return this;
    }

    /// <summary>The object, valid or an exception listing every error (warnings are allowed).</summary>
    public StixObject Build()
    {
        var obj = BuildUnchecked();
        var result = StixValidator.Validate(obj);
        if (!result.IsValid)
            throw new StixValidationException(obj, result);
        return obj;
    }

    /// <summary>The object without validation, for tests and for callers that validate themselves.</summary>
    public StixObject BuildUnchecked()
    {
        var copy = (JsonObject)json.DeepClone();
        var type = (string)copy["type"]!;
        if (!copy.ContainsKey("id"))
            copy["id"] = category == StixCategory.CyberObservable ? ScoIds.Compute(copy) ?? StixIds.New(type) : StixIds.New(type);
        if (category is StixCategory.Domain or StixCategory.Relationship || type is "extension-definition" or "language-content" or "marking-definition")
        {
            var now = StixTimestamp.FromDateTime(clock.GetUtcNow());
            if (!copy.ContainsKey("created"))
                copy["created"] = now.Text;
            if (type != "marking-definition" && !copy.ContainsKey("modified"))
                copy["modified"] = copy["created"]!.GetValue<string>();
        }
        return new StixObject(Reorder(copy));
    }

    private StixObjectBuilder SetNode(string property, JsonNode? value)
    {
        if (value is null)
            json.Remove(property);
        else
            json[property] = value;
        return this;
    }

    private StixObjectBuilder AddObject(string listProperty, JsonObject item)
    {
        if (json[listProperty] is not JsonArray array)
            json[listProperty] = array = [];
        array.Add(item);
        return this;
    }

    private static JsonArray ToArray(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
            array.Add(v);
        return array;
    }

    // Common properties first, in the order the specification lists them, so output reads naturally.
    private static JsonObject Reorder(JsonObject source)
    {
        string[] leading = ["type", "spec_version", "id", "created_by_ref", "created", "modified"];
        var ordered = new JsonObject();
        foreach (var key in leading)
        {
            if (source.Remove(key, out var value))
                ordered[key] = value;
        }
        foreach (var (key, value) in source.ToArray())
        {
            source.Remove(key);
            ordered[key] = value;
        }
        return ordered;
    }
}

/// <summary>Thrown by <see cref="StixObjectBuilder.Build"/> when the object would not be valid STIX.</summary>
public sealed class StixValidationException(StixObject obj, ValidationResult result)
    : Exception($"invalid {obj.Type} {obj.Id}: {string.Join("; ", result.Errors)}")
{
    public StixObject Object { get; } = obj;
    public ValidationResult Result { get; } = result;
}
