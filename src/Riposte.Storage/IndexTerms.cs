using System.Text;
using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Storage;

/// <summary>A reference from one object to another through a <c>*_ref</c> or <c>*_refs</c> property.</summary>
public readonly record struct ObjectReference(string Property, string TargetId);

/// <summary>An <c>external_references</c> entry that carries an <c>external_id</c>.</summary>
public readonly record struct ExternalId(string Id, string SourceName);

/// <summary>
/// What every provider indexes about one object, derived from its JSON in one place so that all
/// providers agree on what a filter or a search matches.
/// </summary>
public sealed class IndexTerms
{
    /// <summary>Properties that make a relationship or sighting point at an object.</summary>
    public static readonly IReadOnlyList<string> OutgoingRelationshipProperties = ["source_ref"];

    public static readonly IReadOnlyList<string> IncomingRelationshipProperties =
        ["target_ref", "sighting_of_ref", "where_sighted_refs", "observed_data_refs"];

    private IndexTerms()
    {
    }

    public IReadOnlyList<string> Markings { get; private init; } = [];
    public IReadOnlyList<string> Labels { get; private init; } = [];
    public IReadOnlyList<ExternalId> ExternalIds { get; private init; } = [];
    public IReadOnlyList<ObjectReference> References { get; private init; } = [];

    /// <summary>Name (or value for observables), description-like text, and everything else searchable.</summary>
    public string? Name { get; private init; }
    public string? Description { get; private init; }
    public string? OtherText { get; private init; }

    public bool HasText => Name is not null || Description is not null || OtherText is not null;

    /// <summary>
    /// The terms of one object, read in a single pass over its properties: this runs for every object
    /// an import writes, so it avoids a look-up per property and any intermediate sequence.
    /// </summary>
    public static IndexTerms From(StixObject obj)
    {
        IReadOnlyList<string> markings = [], labels = [], aliases = [];
        List<ExternalId>? externalIds = null;
        List<ObjectReference>? references = null;
        string? name = null, value = null, description = null, summary = null, explanation = null, shortName = null;
        foreach (var (property, node) in obj.Json)
        {
            switch (property)
            {
                case "object_marking_refs":
                    markings = StixObject.StringsIn(node); // markings have their own index; as references they would double the rows
                    break;
                case "labels":
                    labels = StixObject.StringsIn(node);
                    break;
                case "aliases":
                    aliases = StixObject.StringsIn(node);
                    break;
                case "external_references":
                    externalIds = ReadExternalIds(node);
                    break;
                case "name":
                    name = Text(node);
                    break;
                case "value":
                    value = Text(node);
                    break;
                case "description":
                    description = Text(node);
                    break;
                case "abstract":
                    summary = Text(node);
                    break;
                case "explanation":
                    explanation = Text(node);
                    break;
                case "x_mitre_shortname":
                    shortName = Text(node);
                    break;
                default:
                    AddReferences(property, node, ref references);
                    break;
            }
        }

        // Short summaries only: long bodies (a note's content, a report's text) would multiply the
        // full-text index's size and write cost for little gain in finding an object by what it is.
        var other = new StringBuilder();
        foreach (var text in aliases)
            other.Append(text).Append(' ');
        foreach (var text in labels)
            other.Append(text).Append(' ');
        foreach (var external in externalIds ?? [])
            other.Append(external.Id).Append(' ');
        foreach (var text in (ReadOnlySpan<string?>)[summary, explanation, shortName])
        {
            if (text is not null)
                other.Append(text).Append(' ');
        }

        return new IndexTerms
        {
            Markings = markings,
            Labels = labels,
            ExternalIds = externalIds ?? [],
            References = references ?? [],
            Name = name ?? value,
            Description = description,
            OtherText = other.Length == 0 ? null : other.ToString(0, other.Length - 1),
        };
    }

    private static void AddReferences(string property, JsonNode? node, ref List<ObjectReference>? references)
    {
        if (property.EndsWith("_ref", StringComparison.Ordinal))
        {
            if (Text(node) is { } target)
                (references ??= []).Add(new ObjectReference(property, target));
        }
        else if (property.EndsWith("_refs", StringComparison.Ordinal) && node is JsonArray targets)
        {
            foreach (var t in targets)
            {
                if (Text(t) is { } each)
                    (references ??= []).Add(new ObjectReference(property, each));
            }
        }
    }

    private static List<ExternalId>? ReadExternalIds(JsonNode? node)
    {
        if (node is not JsonArray entries)
            return null;
        List<ExternalId>? ids = null;
        foreach (var entry in entries)
        {
            if (entry is JsonObject o && Text(o["external_id"]) is { } id)
                (ids ??= []).Add(new ExternalId(id, Text(o["source_name"]) ?? ""));
        }
        return ids;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
