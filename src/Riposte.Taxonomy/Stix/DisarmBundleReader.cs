using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Taxonomy.Stix;

/// <summary>Reads DISARM's own STIX 2.1 bundle (DISARM.json) into objects, unchanged.</summary>
internal static class DisarmBundleReader
{
    public const string FileName = "DISARM.json";

    public static IReadOnlyList<StixObject> Read(DisarmDataSource data)
    {
        var source = data.Describe(FileName);
        JsonNode? root;
        try
        {
            using var stream = data.Open(FileName);
            root = JsonNode.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new DisarmDataException($"{source} line {e.LineNumber + 1}, {e.Path}: invalid JSON ({e.Message})", e);
        }
        if (root is not JsonObject bundle || bundle["type"]?.GetValueKind() != JsonValueKind.String || (string?)bundle["type"] != "bundle")
            throw new DisarmDataException($"{source} $: expected a STIX bundle object");
        if (bundle["objects"] is not JsonArray objects)
            throw new DisarmDataException($"{source} $.objects: expected an array");

        // Detach the members from the bundle so each object owns its JSON (a node has one parent) without copying.
        var members = objects.ToArray();
        objects.Clear();
        var result = new List<StixObject>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i] is not JsonObject o)
                throw new DisarmDataException($"{source} $.objects[{i}]: expected a JSON object");
            var stix = new StixObject(o);
            if (stix.Type.Length == 0 || stix.Id.Length == 0)
                throw new DisarmDataException($"{source} $.objects[{i}]: object without type or id");
            result.Add(stix);
        }
        return result;
    }
}
