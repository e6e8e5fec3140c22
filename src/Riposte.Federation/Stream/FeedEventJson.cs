using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Federation.Stream;

/// <summary>
/// The data line of a stream event. Versions:
/// <c>{"collections":[…],"origin":"node--…","added":"…","path":[…],"object":{…}}</c>; deletions:
/// <c>{"collections":[…],"id":"…","version":"…"|null}</c>. Compact JSON, so one line.
/// </summary>
public static class FeedEventJson
{
    public static string Write(FeedEvent feedEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
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
        JsonObject json;
        try
        {
            json = JsonNode.Parse(data) as JsonObject ?? throw new FormatException($"event {id}: data is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"event {id}: data is not JSON ({e.Message})", e);
        }
        var collections = Strings(json["collections"], id, "$.collections");
        switch (kind)
        {
            case "deleted":
                var deletedId = json["id"]?.GetValue<string>() ?? throw new FormatException($"event {id}: $.id is missing");
                return new ReceivedEvent(FeedEventKind.Deleted, cursor, null, collections, null, [], deletedId, json["version"]?.GetValue<string>());
            case "created" or "updated":
                if (json["object"] is not JsonObject obj)
                    throw new FormatException($"event {id}: $.object is missing");
                json.Remove("object");
                var origin = json["origin"]?.GetValue<string>() ?? throw new FormatException($"event {id}: $.origin is missing");
                var stix = new StixObject(obj);
                return new ReceivedEvent(kind == "created" ? FeedEventKind.Created : FeedEventKind.Updated, cursor, stix, collections, origin,
                    Strings(json["path"], id, "$.path"), stix.Id, stix.Version?.Text, json["added"]?.GetValue<string>());
            default:
                throw new FormatException($"event {id}: unknown event type '{kind}'");
        }
    }

    private static string[] Strings(JsonNode? node, string? id, string path) =>
        node is JsonArray array
            ? [.. array.Select(item => item?.GetValue<string>() ?? throw new FormatException($"event {id}: {path} holds a null"))]
            : throw new FormatException($"event {id}: {path} is not an array");
}

/// <summary>An event as a subscriber received it.</summary>
public sealed record ReceivedEvent(
    FeedEventKind Kind,
    StreamCursor Cursor,
    StixObject? Object,
    IReadOnlyList<string> Collections,
    string? Origin,
    IReadOnlyList<string> Path,
    string Id,
    string? Version,
    string? Added = null);
