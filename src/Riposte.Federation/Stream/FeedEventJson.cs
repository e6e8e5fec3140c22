using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Federation.Stream;

/// <summary>
/// The data line of a stream event. Versions:
/// <c>{"collections":[…],"origin":"node--…","added":"…","path":[…],"object":{…}}</c>; deletions:
/// <c>{"collections":[…],"id":"…","version":"…"|null,"stub":{…}}</c> (the stub as this reader may see it:
/// what the next border needs to judge the deletion; absent when the log has none). Compact JSON, so one line.
/// </summary>
public static class FeedEventJson
{
    public static string Write(FeedEvent feedEvent)
    {
        using var buffer = new MemoryStream();
        // The store's own escaping, so an object re-serialised on the way out has the bytes it has in the store.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("collections");
            foreach (var collection in feedEvent.Collections)
                writer.WriteStringValue(collection);
            writer.WriteEndArray();
            if (feedEvent.Tombstone is { } deletion)
            {
                writer.WriteString("id", deletion.Id);
                writer.WriteString("version", deletion.Version);
                if (deletion.Stub is not null)
                {
                    writer.WritePropertyName("stub");
                    writer.WriteRawValue(deletion.Stub);
                }
            }
            else
            {
                writer.WriteString("origin", feedEvent.Origin);
                if (feedEvent.Added is not null)
                    writer.WriteString("added", feedEvent.Added);
                writer.WriteStartArray("path");
                foreach (var node in feedEvent.Path)
                    writer.WriteStringValue(node);
                writer.WriteEndArray();
                writer.WritePropertyName("object");
                feedEvent.Object!.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a received event; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ReceivedEvent Read(string kind, string? id, string data)
    {
        if (!StreamCursor.TryParse(id, out var cursor))
            throw new FormatException($"event '{kind}': id '{id}' is not a stream cursor");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException e)
        {
            throw new FormatException($"event {id}: data is not JSON ({e.Message})", e);
        }
        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object)
                throw new FormatException($"event {id}: data is not a JSON object");
            var collections = Strings(json, "collections", id);
            switch (kind)
            {
                case "deleted":
                    var deletedId = Text(json, "id", id)!;
                    var deletedVersion = Text(json, "version", id, optional: true);
                    return new ReceivedEvent(FeedEventKind.Deleted, cursor, null, collections, null, [], deletedId, deletedVersion,
                        Stub: Stub(json, deletedId, deletedVersion, id));
                case "created" or "updated":
                    if (!json.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
                        throw new FormatException($"event {id}: $.object is missing");
                    // Stored as received: the bytes the serving node holds, so storing needs no re-serialising and a duplicate compares by hash.
                    var bytes = JsonMarshal.GetRawUtf8Value(obj).ToArray();
                    var stix = new StixObject((JsonObject)JsonNode.Parse(bytes)!, bytes);
                    return new ReceivedEvent(kind == "created" ? FeedEventKind.Created : FeedEventKind.Updated, cursor, stix, collections, Text(json, "origin", id),
                        Strings(json, "path", id), stix.Id, stix.Version?.Text, Text(json, "added", id, optional: true));
                default:
                    throw new FormatException($"event {id}: unknown event type '{kind}'");
            }
        }
    }

    /// <summary>The deletion's stub, which must be of the version deleted: a stub of another would let the deletion reach other readers.</summary>
    private static StixObject? Stub(JsonElement json, string deletedId, string? deletedVersion, string? id)
    {
        if (!json.TryGetProperty("stub", out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
            throw new FormatException($"event {id}: $.stub is not an object");
        var stub = new StixObject((JsonObject)JsonNode.Parse(value.GetRawText())!);
        if (stub.Id != deletedId)
            throw new FormatException($"event {id}: $.stub.id '{stub.Id}' is not the deleted id '{deletedId}'");
        if (deletedVersion is not null && (stub.Version?.Text ?? "") != deletedVersion)
            throw new FormatException($"event {id}: $.stub is of version '{stub.Version?.Text}', not of the deleted version '{deletedVersion}'");
        return stub;
    }

    private static string? Text(JsonElement json, string name, string? id, bool optional = false) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()
        : optional && (!json.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null) ? null
        : throw new FormatException($"event {id}: $.{name} must be a string");

    private static string[] Strings(JsonElement json, string name, string? id) =>
        json.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FormatException($"event {id}: $.{name} holds a non-string"))]
            : throw new FormatException($"event {id}: $.{name} is not an array");
}

/// <summary>An event as a subscriber received it.</summary>
/// <param name="Stub">A deletion's stub (<see cref="Border.DeletionStub"/>), kept with the tombstone so this node's border can judge the deletion in turn.</param>
public sealed record ReceivedEvent(
    FeedEventKind Kind,
    StreamCursor Cursor,
    StixObject? Object,
    IReadOnlyList<string> Collections,
    string? Origin,
    IReadOnlyList<string> Path,
    string Id,
    string? Version,
    string? Added = null,
    StixObject? Stub = null);
