using System.Text.Json;
using System.Text.RegularExpressions;

namespace Riposte.Stix.Validation;

/// <summary>Rules of the specification that involve more than one property of an object.</summary>
internal static partial class CrossPropertyRules
{
    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RelationshipTypeName();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    public static void Location(ObjectScope s)
    {
        var hasLat = s.Has("latitude");
        var hasLong = s.Has("longitude");
        if (!s.Has("region") && !s.Has("country") && !(hasLat && hasLong))
            s.Sink.Error(s.Path, "a location needs region, country, or latitude and longitude");
        if (hasLat != hasLong)
            s.Error(hasLat ? "longitude" : "latitude", "latitude and longitude must be given together");
        if (s.Has("precision") && !(hasLat && hasLong))
            s.Error("precision", "precision needs latitude and longitude");
        if (s.GetString("country") is { } country && !CountryCode().IsMatch(country))
            s.Warning("country", $"'{country}' SHOULD be an ISO 3166-1 alpha-2 code");
    }

    public static void Malware(ObjectScope s)
    {
        if (s.Get("is_family").ValueKind == JsonValueKind.True && !s.Has("name"))
            s.Error("name", "a malware family (is_family true) must have a name");
    }

    public static void MalwareAnalysis(ObjectScope s)
    {
        if (!s.Has("result") && !s.Has("analysis_sco_refs"))
            s.Sink.Error(s.Path, "a malware-analysis needs result or analysis_sco_refs");
    }

    public static void ObservedData(ObjectScope s)
    {
        var hasObjects = s.Has("objects");
        var hasRefs = s.Has("object_refs");
        if (hasObjects == hasRefs)
            s.Sink.Error(s.Path, "observed-data needs exactly one of object_refs or (deprecated) objects");
        if (hasRefs && s.Get("object_refs") is { ValueKind: JsonValueKind.Array } refs)
        {
            foreach (var r in refs.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String && r.GetString() is { } id && StixIds.TryGetType(id, out var type)
                    && StixTypes.CategoryOf(type) is StixCategory.CyberObservable or StixCategory.Unknown)
                    return;
            }
            s.Error("object_refs", "object_refs must contain at least one SCO reference");
        }
    }

    public static void Relationship(ObjectScope s)
    {
        if (s.GetString("relationship_type") is { } name && !RelationshipTypeName().IsMatch(name))
            s.Error("relationship_type", $"'{name}' must use only a-z, 0-9 and '-'");
    }

    public static void File(ObjectScope s)
    {
        if (!s.Has("hashes") && !s.Has("name"))
            s.Sink.Error(s.Path, "a file needs hashes or name");
    }

    public static void Artifact(ObjectScope s)
    {
        var hasPayload = s.Has("payload_bin");
        var hasUrl = s.Has("url");
        if (hasPayload && hasUrl)
            s.Error("url", "payload_bin and url must not both be present");
        if (!hasPayload && !hasUrl)
            s.Sink.Error(s.Path, "an artifact needs payload_bin or url");
        if (hasUrl && !s.Has("hashes"))
            s.Error("hashes", "hashes must be present when url is");
        if (s.Has("decryption_key") && !s.Has("encryption_algorithm"))
            s.Error("decryption_key", "decryption_key needs encryption_algorithm");
    }

    /// <summary>Each registry value has a string name and, when given, a data_type from windows-registry-datatype-enum.</summary>
    public static void WindowsRegistryKey(ObjectScope s)
    {
        if (s.Get("values") is not { ValueKind: JsonValueKind.Array } values)
            return;
        var path = s.PathOf("values");
        var i = -1;
        foreach (var value in values.EnumerateArray())
        {
            i++;
            if (value.ValueKind != JsonValueKind.Object)
                continue;
            var at = JsonPathText.Index(path, i);
            if (Present(value, "data_type") is { } dataType && ValueChecks.ExpectString(dataType, JsonPathText.Property(at, "data_type"), s.Sink) is { } name
                && !Rules.Vocabularies.WindowsRegistryDatatype.Values.Contains(name))
                s.Sink.Error(JsonPathText.Property(at, "data_type"), $"'{name}' is not in windows-registry-datatype-enum");
            foreach (var text in (ReadOnlySpan<string>)["name", "data"])
            {
                if (Present(value, text) is { } node)
                    ValueChecks.RequireString(node, JsonPathText.Property(at, text), s.Sink);
            }
        }
    }

    /// <summary>The property's value unless it is absent or null (JSON null reads as absent here, as it did for JsonObject's indexer).</summary>
    private static JsonElement? Present(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static void ExtensionDefinition(ObjectScope s)
    {
        var topLevel = s.Get("extension_types") is { ValueKind: JsonValueKind.Array } types
            && types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.ValueEquals("toplevel-property-extension"));
        if (topLevel && !s.Has("extension_properties"))
            s.Warning("extension_properties", "a toplevel-property-extension SHOULD list its extension_properties");
        if (!topLevel && s.Has("extension_properties"))
            s.Error("extension_properties", "extension_properties may only be used when extension_types includes toplevel-property-extension");
    }

    public static void LanguageContent(ObjectScope s)
    {
        if (s.Get("contents") is not { ValueKind: JsonValueKind.Object } contents)
            return;
        var path = s.PathOf("contents");
        foreach (var property in contents.EnumerateObject())
        {
            var language = property.Name;
            var at = JsonPathText.Property(path, language);
            if (!ValueChecks.IsLanguageTag(language))
                s.Sink.Error(at, $"'{language}' is not an RFC 5646 language tag");
            if (property.Value.ValueKind != JsonValueKind.Object)
                s.Sink.Error(at, "the translations for a language must be a dictionary of property names");
        }
    }

    /// <summary>created ≤ modified, first_seen ≤ last_seen and the other orderings of the type's table.</summary>
    public static void Orderings(ObjectScope s, (string Earlier, string Later, bool Strict)[] orderings)
    {
        foreach (var (earlier, later, strict) in orderings)
        {
            if (s.GetTimestamp(earlier) is not { } a || s.GetTimestamp(later) is not { } b)
                continue;
            if (strict ? b <= a : b < a)
                s.Error(later, $"{later} ({b.Text}) must be {(strict ? "later than" : "at or after")} {earlier} ({a.Text})");
        }
    }
}
