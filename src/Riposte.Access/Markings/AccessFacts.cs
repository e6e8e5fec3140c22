using System.Text.Json;
using Riposte.Stix;

namespace Riposte.Access.Markings;

/// <summary>
/// What the gate needs to know about one object — its markings, creator, named recipients, whether it
/// carries granular markings and which ids it references — read in one forward pass over the object's
/// UTF-8 bytes, so judging a stored object needs no JSON tree. It reads exactly what the tree-based code
/// reads (<see cref="MarkingSummary"/>, <see cref="RecipientsExtension"/>, <see cref="ReferenceProperties"/>,
/// <see cref="OtherReferences"/>): a <c>*_ref</c> counts when its value is a string, a <c>*_refs</c> entry
/// when the list is an array and the entry a string, at the top level and directly inside each extension.
/// </summary>
internal sealed class AccessFacts
{
    private static readonly string[] Empty = [];

    private AccessFacts(IReadOnlyList<string> markingRefs, string? createdByRef, IReadOnlyList<string> recipients, bool hasGranularMarkings, string[] hiding, string[] removable)
    {
        MarkingRefs = markingRefs;
        CreatedByRef = createdByRef;
        Recipients = recipients;
        HasGranularMarkings = hasGranularMarkings;
        Hiding = hiding;
        Removable = removable;
    }

    /// <summary>The string entries of <c>object_marking_refs</c>.</summary>
    public IReadOnlyList<string> MarkingRefs { get; }

    public string? CreatedByRef { get; }

    /// <summary>The ids named by <see cref="RecipientsExtension"/>.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary><c>granular_markings</c> is a list: only the JSON tree can tell what it covers.</summary>
    public bool HasGranularMarkings { get; }

    /// <summary>Referenced ids any invisible one of which hides the whole object (<see cref="ReferenceProperties.HidingSingle"/> and <see cref="ReferenceProperties.HidingLists"/>).</summary>
    public string[] Hiding { get; }

    /// <summary>Referenced ids an invisible one of which is removed from the copy returned (filtered lists and every other reference).</summary>
    public string[] Removable { get; }

    public static AccessFacts Of(StixObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var scan = new Scan();
        scan.Read(obj.ToUtf8Json().Span);
        var hiding = new List<string>();
        var removable = new List<string>();
        if (scan.References is { } references)
        {
            foreach (var (property, id, isList) in references)
            {
                if (property is null)
                    removable.Add(id); // inside an extension: always "other"
                else if (isList ? ReferenceProperties.HidingLists(obj.Type).Contains(property) : ReferenceProperties.HidingSingle(obj.Type).Contains(property))
                    hiding.Add(id);
                else
                    removable.Add(id); // a filtered list, or any other reference
            }
        }
        return new AccessFacts(scan.MarkingRefs ?? (IReadOnlyList<string>)Empty, scan.CreatedByRef, scan.Recipients ?? (IReadOnlyList<string>)Empty,
            scan.HasGranularMarkings, hiding.Count == 0 ? Empty : [.. hiding], removable.Count == 0 ? Empty : [.. removable]);
    }

    /// <summary>One pass over the bytes, collecting the raw facts; references are classified by the caller, who knows the type.</summary>
    private sealed class Scan
    {
        public List<string>? MarkingRefs;
        public string? CreatedByRef;
        public List<string>? Recipients;
        public bool HasGranularMarkings;

        /// <summary>Top-level references with their property; those inside extensions with a null property.</summary>
        public List<(string? Property, string Id, bool IsList)>? References;

        public void Read(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("a STIX object must be a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("object_marking_refs"u8))
                {
                    reader.Read();
                    MarkingRefs = Strings(ref reader);
                }
                else if (reader.ValueTextEquals("created_by_ref"u8))
                {
                    reader.Read();
                    CreatedByRef = reader.TokenType == JsonTokenType.String ? reader.GetString() : Skipped(ref reader);
                }
                else if (reader.ValueTextEquals("granular_markings"u8))
                {
                    reader.Read();
                    HasGranularMarkings = reader.TokenType == JsonTokenType.StartArray;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    reader.Read();
                    Extensions(ref reader);
                }
                else
                {
                    Reference(ref reader, topLevel: true);
                }
            }
        }

        private void Extensions(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRecipients = reader.ValueTextEquals(RecipientsExtension.DefinitionId);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (isRecipients && reader.ValueTextEquals(RecipientsExtension.PropertyName))
                    {
                        reader.Read();
                        Recipients = Strings(ref reader);
                    }
                    else
                    {
                        Reference(ref reader, topLevel: false);
                    }
                }
            }
        }

        /// <summary>At a property name: records its references when it is a <c>*_ref</c> or <c>*_refs</c> about content, else skips its value.</summary>
        private void Reference(ref Utf8JsonReader reader, bool topLevel)
        {
            var kind = RefKind(ref reader, out var name);
            reader.Read();
            if (kind == 1 && reader.TokenType == JsonTokenType.String)
            {
                (References ??= []).Add((topLevel ? name : null, reader.GetString()!, false));
            }
            else if (kind == 2 && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                        (References ??= []).Add((topLevel ? name : null, reader.GetString()!, true));
                    else
                        reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        /// <summary>0: not a content reference; 1: <c>*_ref</c>; 2: <c>*_refs</c>. The name is read only for references.</summary>
        private static int RefKind(ref Utf8JsonReader reader, out string? name)
        {
            name = null;
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                var raw = reader.ValueSpan;
                if (!raw.EndsWith("_ref"u8) && !raw.EndsWith("_refs"u8))
                    return 0;
            }
            var text = reader.GetString()!;
            if (OtherReferences.NotContent.Contains(text))
                return 0;
            name = text;
            return text.EndsWith("_ref", StringComparison.Ordinal) ? 1 : text.EndsWith("_refs", StringComparison.Ordinal) ? 2 : 0;
        }

        /// <summary>At a value: the string entries when it is an array (anything else is skipped and gives null).</summary>
        private static List<string>? Strings(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                return null;
            }
            var list = new List<string>(2);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.String)
                    list.Add(reader.GetString()!);
                else
                    reader.Skip();
            }
            return list;
        }

        private static string? Skipped(ref Utf8JsonReader reader)
        {
            reader.Skip();
            return null;
        }
    }
}
