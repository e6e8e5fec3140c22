using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Stix.Json;

namespace Riposte.Stix;

/// <summary>
/// One STIX 2.1 object. The whole JSON object is kept as received, so properties the model does not
/// know (custom properties, extensions, future spec additions) survive every round trip; the
/// common properties are read from it on demand. An object read back from a store
/// (<see cref="FromUtf8"/>) keeps only its bytes until a caller asks for its JSON tree.
/// </summary>
public sealed class StixObject
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private JsonObject? _json;
    private ReadOnlyMemory<byte> _utf8;

    // Read from the bytes by FromUtf8, so the hot read path answers them without the JSON tree.
    private readonly bool _scanned;
    private readonly string? _specVersion;
    private readonly string? _createdByRef;

    public StixObject(JsonObject json)
    {
        _json = json;
        Type = json["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : "";
        Id = json["id"] is JsonValue i && i.TryGetValue<string>(out var id) ? id : "";
        Created = ReadTimestamp(json, "created");
        Modified = ReadTimestamp(json, "modified");
    }

    /// <summary>
    /// An object together with its compact UTF-8 JSON, as a reader that already holds the bytes hands it
    /// over, so storing and exporting need no re-serialisation. <paramref name="compactUtf8"/> must be
    /// <paramref name="json"/> written without insignificant whitespace.
    /// </summary>
    public StixObject(JsonObject json, ReadOnlyMemory<byte> compactUtf8)
        : this(json)
    {
        _utf8 = compactUtf8;
    }

    private StixObject(ReadOnlyMemory<byte> compactUtf8, in TopLevelScan scan)
    {
        _utf8 = compactUtf8;
        _scanned = true;
        Type = scan.Type ?? "";
        Id = scan.Id ?? "";
        Created = StixTimestamp.TryParse(scan.Created, out var created) ? created : null;
        Modified = StixTimestamp.TryParse(scan.Modified, out var modified) ? modified : null;
        _specVersion = scan.SpecVersion;
        _createdByRef = scan.CreatedByRef;
    }

    /// <summary>
    /// An object from compact UTF-8 JSON that is known to be one well-formed JSON object (as a store hands
    /// it back). Only the top-level properties the read path needs are read now; <see cref="Json"/> is
    /// parsed on first use. The bytes are kept and written out as they are.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not a JSON object.</exception>
    public static StixObject FromUtf8(ReadOnlyMemory<byte> compactUtf8) => new(compactUtf8, TopLevelScan.Of(compactUtf8.Span));

    /// <summary>
    /// An object from the text of one well-formed JSON object as a reader received it (a bundle's or an envelope's
    /// element): insignificant whitespace is dropped, every token is kept byte for byte, nothing is parsed into a tree.
    /// </summary>
    /// <exception cref="JsonException">The bytes are not a JSON object.</exception>
    public static StixObject FromReceivedUtf8(ReadOnlySpan<byte> wellFormedJson) => FromUtf8(JsonMinifier.Minify(wellFormedJson));

    /// <summary>The object's JSON. Treat it as read-only: build a new object to change one.</summary>
    public JsonObject Json
    {
        get
        {
            if (_json is { } json)
                return json;
            var parsed = JsonNode.Parse(_utf8.Span) as JsonObject ?? throw new JsonException("a STIX object must be a JSON object");
            // Two threads may parse at once; both get the first tree published, so callers share one instance.
            return Interlocked.CompareExchange(ref _json, parsed, null) ?? parsed;
        }
    }

    /// <summary>Whether the JSON tree has been built (false for an object read from bytes that nobody inspected).</summary>
    public bool IsParsed => _json is not null;

    public string Type { get; }
    public string Id { get; }
    public StixTimestamp? Created { get; }
    public StixTimestamp? Modified { get; }

    /// <summary>The version this object is: <c>modified</c>, else <c>created</c>, else none (SCOs and unversioned objects).</summary>
    public StixTimestamp? Version => Modified ?? Created;

    public string? SpecVersion => _scanned ? _specVersion : GetString("spec_version");
    public string? CreatedByRef => _scanned ? _createdByRef : GetString("created_by_ref");
    public string? Name => GetString("name");
    public string? Description => GetString("description");
    public bool Revoked => Json["revoked"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
    public int? Confidence =>
        Json["confidence"] is JsonValue v && JsonNumbers.TryGetInteger(v, out var c) && c is >= int.MinValue and <= int.MaxValue ? (int)c : null;

    public IReadOnlyList<string> ObjectMarkingRefs => GetStrings("object_marking_refs");
    public IReadOnlyList<string> Labels => GetStrings("labels");

    /// <summary>The <c>external_id</c> values of <c>external_references</c> (e.g. DISARM <c>T0049.003</c>).</summary>
    public IReadOnlyList<string> ExternalIds
    {
        get
        {
            if (Json["external_references"] is not JsonArray refs)
                return [];
            var ids = new List<string>();
            foreach (var r in refs)
            {
                if (r is JsonObject o && o["external_id"] is JsonValue v && v.TryGetValue<string>(out var s))
                    ids.Add(s);
            }
            return ids;
        }
    }

    public string? GetString(string property) =>
        Json[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public IReadOnlyList<string> GetStrings(string property) => StringsIn(Json[property]);

    /// <summary>The string entries of a JSON list (others skipped); empty when the node is not a list.</summary>
    public static IReadOnlyList<string> StringsIn(JsonNode? node)
    {
        if (node is not JsonArray array)
            return [];
        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var s))
                list.Add(s);
        }
        return list;
    }

    /// <summary>Compact JSON, properties in the order received.</summary>
    public string ToJson() => Json.ToJsonString(Compact);

    /// <summary>Writes the object; the bytes a reader or store handed over are copied as they are, not re-serialised.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_utf8.IsEmpty)
            Json.WriteTo(writer);
        else
            writer.WriteRawValue(_utf8.Span, skipInputValidation: true);
    }

    /// <summary>
    /// Compact UTF-8 JSON, properties in the order received and non-ASCII text unescaped; computed once
    /// (the object is read-only) unless the constructor was given the bytes.
    /// </summary>
    public ReadOnlyMemory<byte> ToUtf8Json()
    {
        if (_utf8.IsEmpty)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                Json.WriteTo(writer);
            _utf8 = buffer.WrittenMemory;
        }
        return _utf8;
    }

    public static StixObject Parse(string json) =>
        JsonNode.Parse(json) is JsonObject o ? new StixObject(o) : throw new JsonException("a STIX object must be a JSON object");

    public static StixObject Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonNode.Parse(utf8Json) is JsonObject o ? new StixObject(o) : throw new JsonException("a STIX object must be a JSON object");

    public override string ToString() => $"{Id} ({Version?.Text ?? "unversioned"})";

    private static StixTimestamp? ReadTimestamp(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) && StixTimestamp.TryParse(s, out var ts) ? ts : null;
}
