using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>
/// Validates one STIX 2.1 object (a bundle: and every object in it) against the specification.
/// Pure: no I/O, no store, so references are checked for form and target type, not existence.
/// Errors are MUST violations; warnings are SHOULD advice.
/// </summary>
public static partial class StixValidator
{
    [GeneratedRegex("^[a-z0-9_]{3,250}$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomPropertyName();

    private static readonly PropertyRule AnyRef = P.Ref("custom_ref", RefTarget.Any);
    private static readonly PropertyRule AnyRefs = P.Refs("custom_refs", RefTarget.Any);
    private static readonly PropertyRule AnyBinary = P.Binary("custom_bin");
    private static readonly PropertyRule AnyHex = P.Hex("custom_hex");

    /// <summary>
    /// Duplicate property names are refused when the bytes are parsed (as a JSON tree refuses them), and a
    /// depth limit bounds the work on hostile input.
    /// </summary>
    internal static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>Validates the object from its UTF-8 JSON (kept as received, or written once from its tree).</summary>
    public static ValidationResult Validate(StixObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(obj.ToUtf8Json(), ParseOptions);
        }
        catch (JsonException ex)
        {
            return new ValidationResult([new StixIssue(IssueSeverity.Error, "$", $"not a readable JSON object: {Reason(ex)}")]) { IsReadable = false };
        }
        using (document)
            return Validate(document.RootElement);
    }

    public static ValidationResult Validate(JsonObject json) => Validate(new StixObject(json));

    /// <summary>The parser's reason without its position suffix: the issue's path and the caller's line say where.</summary>
    private static string Reason(JsonException ex)
    {
        var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? ex.Message[..cut] : ex.Message;
    }

    /// <summary>Validates a parsed object; the element must stay readable (its document undisposed) during the call.</summary>
    public static ValidationResult Validate(JsonElement json)
    {
        var sink = new IssueSink();
        if (json.ValueKind == JsonValueKind.Object)
            ValidateInto(json, "$", sink);
        else
            sink.Error("$", "a STIX object must be a JSON object");
        return sink.ToResult();
    }

    private static void ValidateInto(JsonElement json, string path, IssueSink sink)
    {
        var type = ReadType(json, path, sink);
        var (rule, isCustomType) = RuleFor(json, type, path, sink);
        var scope = new ObjectScope(json, type, rule, path, sink);

        var topLevelExtension = (bool?)null;
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals("type"u8))
                continue;
            var value = property.Value;
            if (property.NameEquals("id"u8))
            {
                CheckId(scope, value);
                continue;
            }
            var key = PropertyNames.Of(property);
            if (value.ValueKind == JsonValueKind.Null)
            {
                scope.Error(key, "must not be null (omit the property instead)");
                continue;
            }
            if (rule.Properties.TryGetValue(key, out var propertyRule))
                ValueChecks.Check(scope, propertyRule, value, scope.PathOf(key));
            else
                CheckCustomProperty(scope, key, value, isCustomType, ref topLevelExtension);
        }

        foreach (var required in rule.Required)
        {
            if (!json.TryGetProperty(required, out _))
                scope.Error(required, $"required property '{required}' is missing");
        }

        CheckVersioning(scope, rule);
        CrossPropertyRules.Orderings(scope, rule.Orderings);
        rule.CrossChecks?.Invoke(scope);

        if (rule.Category == StixCategory.CyberObservable && !isCustomType)
            CheckDeterministicId(scope);
        if (rule.Category == StixCategory.Bundle)
            ValidateMembers(scope);
    }

    private static string ReadType(JsonElement json, string path, IssueSink sink)
    {
        var at = JsonPathText.Property(path, "type");
        if (!json.TryGetProperty("type", out var node))
        {
            sink.Error(at, "required property 'type' is missing");
            return "";
        }
        if (ValueChecks.ExpectString(node, at, sink) is not { } type)
            return "";
        if (!StixIds.IsValidType(type))
            sink.Error(at, $"'{type}' is not a valid type name (3-250 of a-z, 0-9 and '-', starting with a letter)");
        return type;
    }

    private static (TypeRule Rule, bool IsCustom) RuleFor(JsonElement json, string type, string path, IssueSink sink)
    {
        if (TypeRules.ByType.TryGetValue(type, out var rule))
            return (rule, false);
        if (ExtensionChecks.Declares(json, "new-sco"))
            return (TypeRules.CustomObservable, true);
        if (ExtensionChecks.Declares(json, "new-sdo") || ExtensionChecks.Declares(json, "new-sro"))
            return (TypeRules.CustomDomain, true);
        if (type.Length > 0)
        {
            sink.Warning(JsonPathText.Property(path, "type"),
                $"'{type}' is not a STIX 2.1 type: custom objects are deprecated, define new types with an extension-definition (new-sdo, new-sco or new-sro)");
        }
        // Without a declaring extension, the presence of created tells an SDO-like custom object from an SCO-like one.
        return (json.TryGetProperty("created", out _) ? TypeRules.CustomDomain : TypeRules.CustomObservable, true);
    }

    private static void CheckId(ObjectScope scope, JsonElement value)
    {
        var at = scope.PathOf("id");
        if (ValueChecks.ExpectString(value, at, scope.Sink) is not { } id)
            return;
        if (!StixIds.TryGetType(id, out var idType))
            scope.Sink.Error(at, $"'{id}' is not a STIX identifier (type--UUID with an RFC 4122 UUID)");
        else if (scope.Type.Length > 0 && !idType.SequenceEqual(scope.Type))
            scope.Sink.Error(at, $"the id's type '{idType}' must be the object's type '{scope.Type}'");
    }

    private static void CheckCustomProperty(ObjectScope scope, string key, JsonElement value, bool isCustomType, ref bool? topLevelExtension)
    {
        var category = scope.Rule!.Category;
        if (category is StixCategory.Domain or StixCategory.Relationship && Array.IndexOf(CommonProperties.Reserved, key) >= 0)
        {
            scope.Error(key, $"'{key}' is a reserved property name and must not be used");
            return;
        }
        if (!CustomPropertyName().IsMatch(key))
        {
            scope.Error(key, $"custom property name '{key}' must be 3-250 characters of a-z, 0-9 and '_'");
            return;
        }
        if (!isCustomType && !key.StartsWith("x_", StringComparison.Ordinal))
        {
            topLevelExtension ??= ExtensionChecks.Declares(scope.Json, "toplevel-property-extension");
            if (topLevelExtension == false)
                scope.Warning(key, $"'{key}' is not a {scope.Type} property: custom property names SHOULD start with 'x_' (or be declared by a toplevel-property-extension)");
        }
        // Whatever defines them, the name suffixes fix the type: *_ref(s) hold identifiers, *_bin base64, *_hex hex.
        if (key.EndsWith("_ref", StringComparison.Ordinal))
            ValueChecks.Check(scope, AnyRef, value, scope.PathOf(key));
        else if (key.EndsWith("_refs", StringComparison.Ordinal))
            ValueChecks.Check(scope, AnyRefs, value, scope.PathOf(key));
        else if (key.EndsWith("_bin", StringComparison.Ordinal))
            ValueChecks.Check(scope, AnyBinary, value, scope.PathOf(key));
        else if (key.EndsWith("_hex", StringComparison.Ordinal))
            ValueChecks.Check(scope, AnyHex, value, scope.PathOf(key));
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
            scope.Error(key, "must not be an empty list (omit the property instead)");
    }

    private static void CheckVersioning(ObjectScope scope, TypeRule rule)
    {
        if (rule.Category == StixCategory.Bundle)
        {
            if (scope.Has("spec_version"))
                scope.Warning("spec_version", "a STIX 2.1 bundle has no spec_version (it was a STIX 2.0 property)");
            return;
        }
        if (scope.GetString("spec_version") is { } version && version != "2.1")
            scope.Error("spec_version", $"spec_version must be \"2.1\", not \"{version}\"");

        var created = CheckMillisecondPrecision(scope, "created");
        var modified = CheckMillisecondPrecision(scope, "modified");
        if (created is { } c && modified is { } m && m < c)
            scope.Error("modified", $"modified ({m.Text}) must not be earlier than created ({c.Text})");
    }

    private static StixTimestamp? CheckMillisecondPrecision(ObjectScope scope, string property)
    {
        if (scope.GetTimestamp(property) is not { } ts)
            return null;
        // "YYYY-MM-DDTHH:MM:SS.sssZ": at least three fractional digits.
        if (ts.Text.Length < 24)
            scope.Error(property, $"{property} ({ts.Text}) must be precise to the millisecond (at least 3 fractional digits)");
        return ts;
    }

    private static void CheckDeterministicId(ObjectScope scope)
    {
        var id = scope.GetString("id");
        if (id is null || !StixIds.IsValid(id))
            return;
        var expected = ScoIds.Compute(JsonObject.Create(scope.Json)!);
        if (expected is not null && !string.Equals(expected, id, StringComparison.OrdinalIgnoreCase))
            scope.Warning("id", $"SCO ids SHOULD be the UUIDv5 of the id-contributing properties: expected {expected}");
    }

    private static void ValidateMembers(ObjectScope bundle)
    {
        if (bundle.Get("objects") is not { ValueKind: JsonValueKind.Array } objects)
            return;
        var objectsPath = bundle.PathOf("objects");
        var i = -1;
        foreach (var member in objects.EnumerateArray())
        {
            i++;
            if (member.ValueKind == JsonValueKind.Object)
                ValidateInto(member, JsonPathText.Index(objectsPath, i), bundle.Sink);
        }
    }
}
