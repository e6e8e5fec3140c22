using System.Text.Json;

namespace Riposte.Stix.Json;

/// <summary>
/// The top-level string properties a reader needs before (or instead of) building a JSON tree, read in
/// one forward pass over the bytes. A property counts only when its value is a JSON string, exactly as
/// <see cref="StixObject.GetString"/> reads it; nested objects and arrays are skipped unread.
/// </summary>
internal readonly struct TopLevelScan
{
    public string? Type { get; private init; }
    public string? Id { get; private init; }
    public string? Created { get; private init; }
    public string? Modified { get; private init; }
    public string? SpecVersion { get; private init; }
    public string? CreatedByRef { get; private init; }

    /// <exception cref="JsonException">The bytes are not one JSON object.</exception>
    public static TopLevelScan Of(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a STIX object must be a JSON object");
        string? type = null, id = null, created = null, modified = null, specVersion = null, createdByRef = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }
            switch (name)
            {
                case Property.Type: type = reader.GetString(); break;
                case Property.Id: id = reader.GetString(); break;
                case Property.Created: created = reader.GetString(); break;
                case Property.Modified: modified = reader.GetString(); break;
                case Property.SpecVersion: specVersion = reader.GetString(); break;
                case Property.CreatedByRef: createdByRef = reader.GetString(); break;
            }
        }
        return new TopLevelScan { Type = type, Id = id, Created = created, Modified = modified, SpecVersion = specVersion, CreatedByRef = createdByRef };
    }

    private enum Property
    {
        Other,
        Type,
        Id,
        Created,
        Modified,
        SpecVersion,
        CreatedByRef,
    }

    private static Property Name(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("type"u8) ? Property.Type
        : reader.ValueTextEquals("id"u8) ? Property.Id
        : reader.ValueTextEquals("created"u8) ? Property.Created
        : reader.ValueTextEquals("modified"u8) ? Property.Modified
        : reader.ValueTextEquals("spec_version"u8) ? Property.SpecVersion
        : reader.ValueTextEquals("created_by_ref"u8) ? Property.CreatedByRef
        : Property.Other;
}
