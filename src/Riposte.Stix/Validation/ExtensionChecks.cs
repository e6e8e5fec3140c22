using System.Text.Json;
using System.Text.RegularExpressions;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>
/// The <c>extensions</c> dictionary (STIX 2.1 section 7.3): keys are extension-definition ids
/// (each value carrying a valid <c>extension_type</c>), extension names the specification
/// predefines for the type, or deprecated custom names ending in <c>-ext</c>.
/// </summary>
internal static partial class ExtensionChecks
{
    private const string DefinitionPrefix = "extension-definition--";

    [GeneratedRegex("^([a-z][a-z0-9]*)+(-[a-z0-9]+)*-ext$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomExtensionName();

    public static void Check(ObjectScope scope, JsonElement node, string path)
    {
        var sink = scope.Sink;
        if (node.ValueKind != JsonValueKind.Object)
        {
            sink.Error(path, "must be a dictionary of extensions");
            return;
        }
        if (StructuredChecks.IsEmptyObject(node))
            sink.Error(path, "must not be an empty dictionary");
        foreach (var property in node.EnumerateObject())
        {
            var key = property.Name;
            var extension = property.Value;
            var at = JsonPathText.Property(path, key);
            if (extension.ValueKind != JsonValueKind.Object)
            {
                sink.Error(at, "an extension must be an object");
                continue;
            }
            if (key.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
                CheckDefinedExtension(scope, key, extension, at);
            else if (scope.Rule?.PredefinedExtensions.Contains(key) == true)
                RequireContent(extension, at, sink);
            else if (CustomExtensionName().IsMatch(key))
            {
                sink.Warning(at, $"custom extension '{key}' is deprecated since STIX 2.1: define it with an extension-definition");
                RequireContent(extension, at, sink);
            }
            else
                sink.Error(at, $"extension key '{key}' must be an extension-definition id, or a name ending in '-ext'");
        }
    }

    /// <summary>The extension_type values this object declares (to tell custom types and top-level properties apart).</summary>
    public static bool Declares(JsonElement obj, string extensionType)
    {
        if (!obj.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
            return false;
        foreach (var property in extensions.EnumerateObject())
        {
            if (property.Name.StartsWith(DefinitionPrefix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("extension_type", out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals(extensionType))
                return true;
        }
        return false;
    }

    private static void CheckDefinedExtension(ObjectScope scope, string key, JsonElement extension, string at)
    {
        var sink = scope.Sink;
        if (!StixIds.IsOfType(key, "extension-definition"))
            sink.Error(at, $"'{key}' is not a valid extension-definition id");
        var typePath = JsonPathText.Property(at, "extension_type");
        if (!extension.TryGetProperty("extension_type", out var typeNode))
        {
            sink.Error(typePath, "required property 'extension_type' is missing");
            return;
        }
        if (ValueChecks.ExpectString(typeNode, typePath, sink) is not { } extensionType)
            return;
        if (!Vocabularies.ExtensionType.Values.Contains(extensionType))
        {
            sink.Error(typePath, $"'{extensionType}' is not in extension-type-enum ({string.Join(", ", Vocabularies.ExtensionType.Ordered)})");
            return;
        }
        var known = scope.Rule is not null && scope.Rule.Type.Length > 0;
        if (extensionType is "new-sdo" or "new-sco" or "new-sro" && known)
            sink.Error(typePath, $"'{extensionType}' defines a new object type, but '{scope.Type}' is a type the specification defines");
        if (extensionType == "toplevel-property-extension" && StructuredChecks.PropertyCount(extension) > 1)
            sink.Warning(at, "a toplevel-property-extension's properties belong at the object's top level, not in the extension");
        if (extensionType == "property-extension" && StructuredChecks.PropertyCount(extension) == 1)
            sink.Warning(at, "a property-extension SHOULD carry at least one property besides extension_type");
    }

    private static void RequireContent(JsonElement extension, string at, IssueSink sink)
    {
        if (StructuredChecks.IsEmptyObject(extension))
            sink.Error(at, "an extension must have at least one property");
    }
}
