using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Riposte.Stix.Tests;

/// <summary>
/// Validates JSON against the OASIS STIX 2.1 JSON schemas in shared/data/stix2-json-schemas. The
/// schemas refer to each other by absolute URLs under raw.githubusercontent.com, so every file is
/// registered by its <c>$id</c> in a local registry and no reference ever goes to the network.
/// Other test projects may link this file.
/// </summary>
internal static class OasisSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> SchemasByType = new(Load);

    /// <summary>The schema's errors for a STIX object (a bundle: and each of its objects); empty when valid or when no schema covers the type.</summary>
    public static IReadOnlyList<string> Validate(JsonNode obj)
    {
        var errors = new List<string>();
        Collect(obj, "$", errors);
        return errors;
    }

    /// <summary>True when the OASIS schemas have a schema for <paramref name="type"/>.</summary>
    public static bool Covers(string type) => SchemasByType.Value.ContainsKey(type);

    private static void Collect(JsonNode obj, string path, List<string> errors)
    {
        var type = obj["type"]?.GetValue<string>() ?? "";
        if (!SchemasByType.Value.TryGetValue(type, out var schema))
            return;
        // The bundle schema matches every member against every object schema, which is very slow on
        // large bundles; each member is checked against its own type's schema below instead.
        var members = type == "bundle" ? obj["objects"] as JsonArray : null;
        var shell = obj;
        if (members is not null)
        {
            shell = obj.DeepClone();
            shell.AsObject().Remove("objects");
        }
        var element = JsonSerializer.SerializeToElement(shell);
        if (!schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
            AddErrors(schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical }), path, type, errors);
        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (members[i] is { } member)
                Collect(member, $"{path}.objects[{i}]", errors);
        }
    }

    private static void AddErrors(EvaluationResults result, string path, string type, List<string> errors)
    {
        var before = errors.Count;
        Walk(result, path, errors);
        if (errors.Count == before)
            errors.Add($"{path}: invalid against the {type} schema");
    }

    // Only failing nodes are descended, so alternatives of a passing anyOf/oneOf/not stay out of the report.
    private static void Walk(EvaluationResults node, string path, List<string> errors)
    {
        if (node.IsValid)
            return;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            errors.Add($"{path}{node.InstanceLocation} ({node.SchemaLocation}, {keyword}): {message}");
        foreach (var child in node.Details ?? [])
            Walk(child, path, errors);
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var root = TestPaths.SharedFile("data", "stix2-json-schemas", "schemas");
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var byType = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var id = JsonNode.Parse(text)!["$id"]!.GetValue<string>();
            var schema = JsonSchema.FromText(text, options, new Uri(id));
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            var name = Path.GetFileNameWithoutExtension(file);
            if (folder is "sdos" or "sros" or "observables" || name is "marking-definition" or "extension-definition" or "language-content" or "bundle")
                byType[name] = schema;
        }
        return byType;
    }
}
