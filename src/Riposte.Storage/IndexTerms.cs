using System.Text;
using System.Text.Json;
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

    /// <summary>The terms of one object, read from its UTF-8 JSON (as received or as stored).</summary>
    public static IndexTerms From(StixObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return From(obj.ToUtf8Json().Span);
    }

    /// <summary>
    /// The terms of one JSON object, read in a single forward pass over its bytes: this runs for every object
    /// an import writes, so it builds no JSON tree and turns into .NET strings only the values it keeps.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not one JSON object.</exception>
    public static IndexTerms From(ReadOnlySpan<byte> utf8Object)
    {
        var reader = new Utf8JsonReader(utf8Object);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a STIX object must be a JSON object");
        IReadOnlyList<string> markings = [], labels = [], aliases = [];
        List<ExternalId>? externalIds = null;
        List<ObjectReference>? references = null;
        string? name = null, value = null, description = null, summary = null, explanation = null, shortName = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = PropertyOf(ref reader);
            var referenceName = property is Property.Reference or Property.References ? ReferenceName(ref reader) : null;
            reader.Read();
            switch (property)
            {
                case Property.Markings:
                    markings = Strings(ref reader); // markings have their own index; as references they would double the rows
                    break;
                case Property.Labels:
                    labels = Strings(ref reader);
                    break;
                case Property.Aliases:
                    aliases = Strings(ref reader);
                    break;
                case Property.ExternalReferences:
                    externalIds = ReadExternalIds(ref reader);
                    break;
                case Property.Name:
                    name = Text(ref reader);
                    break;
                case Property.Value:
                    value = Text(ref reader);
                    break;
                case Property.Description:
                    description = Text(ref reader);
                    break;
                case Property.Abstract:
                    summary = Text(ref reader);
                    break;
                case Property.Explanation:
                    explanation = Text(ref reader);
                    break;
                case Property.ShortName:
                    shortName = Text(ref reader);
                    break;
                case Property.Reference:
                case Property.References:
                    AddReferences(ref reader, referenceName!, property, ref references);
                    break;
                default:
                    reader.Skip();
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

    private enum Property
    {
        Other,
        Markings,
        Labels,
        Aliases,
        ExternalReferences,
        Name,
        Value,
        Description,
        Abstract,
        Explanation,
        ShortName,
        Reference,
        References,
    }

    private static Property PropertyOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
            return PropertyOf(Encoding.UTF8.GetBytes(reader.GetString()!)); // rare: compare the unescaped name
        return PropertyOf(reader.ValueSpan);
    }

    private static readonly (byte[] Name, Property Kind)[] NamedProperties =
    [
        ("object_marking_refs"u8.ToArray(), Property.Markings),
        ("labels"u8.ToArray(), Property.Labels),
        ("aliases"u8.ToArray(), Property.Aliases),
        ("external_references"u8.ToArray(), Property.ExternalReferences),
        ("name"u8.ToArray(), Property.Name),
        ("value"u8.ToArray(), Property.Value),
        ("description"u8.ToArray(), Property.Description),
        ("abstract"u8.ToArray(), Property.Abstract),
        ("explanation"u8.ToArray(), Property.Explanation),
        ("x_mitre_shortname"u8.ToArray(), Property.ShortName),
    ];

    private static Property PropertyOf(ReadOnlySpan<byte> name)
    {
        foreach (var (known, kind) in NamedProperties)
        {
            if (name.SequenceEqual(known))
                return kind;
        }
        return name.EndsWith("_ref"u8) ? Property.Reference
            : name.EndsWith("_refs"u8) ? Property.References
            : Property.Other;
    }

    // The reference properties most objects carry, so their names cost no new string per object.
    private static readonly (byte[] Utf8, string Name)[] CommonReferenceNames =
        [.. new[] { "created_by_ref", "source_ref", "target_ref", "object_refs", "sighting_of_ref", "where_sighted_refs", "observed_data_refs", "sample_ref" }
            .Select(name => (Encoding.UTF8.GetBytes(name), name))];

    private static string ReferenceName(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, name) in CommonReferenceNames)
        {
            if (reader.ValueTextEquals(utf8))
                return name;
        }
        return reader.GetString()!;
    }

    /// <summary>Reads a reference property; the reader is on its value and is left on the value's last token.</summary>
    private static void AddReferences(ref Utf8JsonReader reader, string property, Property kind, ref List<ObjectReference>? references)
    {
        if (kind == Property.Reference)
        {
            if (Text(ref reader) is { } target)
                (references ??= []).Add(new ObjectReference(property, target));
            return;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Text(ref reader) is { } each)
                (references ??= []).Add(new ObjectReference(property, each));
        }
    }

    private static List<ExternalId>? ReadExternalIds(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        List<ExternalId>? ids = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? id = null, sourceName = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("external_id"u8);
                var isSource = !isId && reader.ValueTextEquals("source_name"u8);
                reader.Read();
                if (isId)
                    id = Text(ref reader);
                else if (isSource)
                    sourceName = Text(ref reader);
                else
                    reader.Skip();
            }
            if (id is not null)
                (ids ??= []).Add(new ExternalId(id, sourceName ?? ""));
        }
        return ids;
    }

    /// <summary>The string entries of a list value (others skipped); empty when the value is not a list.</summary>
    private static IReadOnlyList<string> Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return [];
        }
        List<string>? list = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Text(ref reader) is { } s)
                (list ??= []).Add(s);
        }
        return list ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The value when it is a string, else null (a list or object value is skipped).</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        reader.Skip();
        return null;
    }
}
