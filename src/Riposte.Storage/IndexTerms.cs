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

    public static IndexTerms From(StixObject obj)
    {
        var externalIds = new List<ExternalId>();
        if (obj.Json["external_references"] is JsonArray externalReferences)
        {
            foreach (var entry in externalReferences)
            {
                if (entry is JsonObject o && Text(o["external_id"]) is { } id)
                    externalIds.Add(new ExternalId(id, Text(o["source_name"]) ?? ""));
            }
        }

        var references = new List<ObjectReference>();
        foreach (var (property, value) in obj.Json)
        {
            if (property.EndsWith("_ref", StringComparison.Ordinal) && Text(value) is { } target)
                references.Add(new ObjectReference(property, target));
            // Markings have their own index; listing them again as references would only double the rows.
            else if (property.EndsWith("_refs", StringComparison.Ordinal) && property != "object_marking_refs" && value is JsonArray targets)
            {
                foreach (var t in targets)
                {
                    if (Text(t) is { } each)
                        references.Add(new ObjectReference(property, each));
                }
            }
        }

        var labels = obj.Labels;
        var other = new StringBuilder();
        foreach (var text in obj.GetStrings("aliases").Concat(labels).Concat(externalIds.Select(e => e.Id)))
            other.Append(text).Append(' ');
        // Short summaries only: long bodies (a note's content, a report's text) would multiply the
        // full-text index's size and write cost for little gain in finding an object by what it is.
        foreach (var property in (ReadOnlySpan<string>)["abstract", "explanation", "x_mitre_shortname"])
        {
            if (obj.GetString(property) is { } text)
                other.Append(text).Append(' ');
        }

        return new IndexTerms
        {
            Markings = obj.ObjectMarkingRefs,
            Labels = labels,
            ExternalIds = externalIds,
            References = references,
            Name = obj.Name ?? obj.GetString("value"),
            Description = obj.Description,
            OtherText = other.Length == 0 ? null : other.ToString(0, other.Length - 1),
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
