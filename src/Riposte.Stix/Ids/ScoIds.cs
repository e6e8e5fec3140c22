using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Riposte.Stix;

/// <summary>
/// Deterministic identifiers for STIX Cyber-observable Objects (STIX 2.1 section 2.9): a UUIDv5 in
/// the STIX namespace over the RFC 8785 canonical JSON of the type's id-contributing properties,
/// so two producers describing the same observable give it the same id.
/// </summary>
public static class ScoIds
{
    private static readonly FrozenDictionary<string, string[]> Contributing = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["artifact"] = ["hashes", "payload_bin"],
        ["autonomous-system"] = ["number"],
        ["directory"] = ["path"],
        ["domain-name"] = ["value"],
        ["email-addr"] = ["value"],
        ["email-message"] = ["from_ref", "subject", "body"],
        ["file"] = ["hashes", "name", "extensions", "parent_directory_ref"],
        ["ipv4-addr"] = ["value"],
        ["ipv6-addr"] = ["value"],
        ["mac-addr"] = ["value"],
        ["mutex"] = ["name"],
        ["network-traffic"] = ["start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions"],
        ["process"] = [],
        ["software"] = ["name", "cpe", "swid", "vendor", "version"],
        ["url"] = ["value"],
        ["user-account"] = ["account_type", "user_id", "account_login"],
        ["windows-registry-key"] = ["key", "values"],
        ["x509-certificate"] = ["hashes", "serial_number"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // When hashes contribute, one is chosen in this order of preference (else the first present).
    private static readonly string[] HashPreference = ["MD5", "SHA-1", "SHA-256", "SHA-512"];

    /// <summary>The id-contributing properties of an SCO type, or an empty list (process, custom types).</summary>
    public static IReadOnlyList<string> ContributingProperties(string type) =>
        Contributing.TryGetValue(type, out var props) ? props : [];

    /// <summary>The deterministic id of an SCO, or null when its type has no contributing property present (use a UUIDv4 then).</summary>
    public static string? Compute(StixObject sco) => Compute(sco.Json);

    /// <inheritdoc cref="Compute(StixObject)"/>
    public static string? Compute(JsonObject sco)
    {
        var type = sco["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is null)
            return null;
        var name = CanonicalName(type, sco);
        return name is null ? null : StixIds.Create(type, Uuid5.Create(Uuid5.StixNamespace, name));
    }

    /// <summary>The canonical JSON that is hashed, or null when nothing contributes.</summary>
    public static string? CanonicalName(string type, JsonObject sco)
    {
        if (!Contributing.TryGetValue(type, out var props) || props.Length == 0)
            return null;
        JsonObject? streamlined = null;
        foreach (var prop in props)
        {
            if (!sco.TryGetPropertyValue(prop, out var value) || value is null)
                continue;
            var contribution = prop == "hashes" ? ChooseOneHash(value) : value.DeepClone();
            if (contribution is null)
                continue;
            streamlined ??= [];
            streamlined[prop] = contribution;
        }
        return streamlined is null ? null : JsonCanonicalizer.Canonicalize(streamlined);
    }

    private static JsonObject? ChooseOneHash(JsonNode hashes)
    {
        if (hashes is not JsonObject dict || dict.Count == 0)
            return null;
        foreach (var algorithm in HashPreference)
        {
            if (dict.TryGetPropertyValue(algorithm, out var v))
                return new JsonObject { [algorithm] = v?.DeepClone() };
        }
        foreach (var (key, v) in dict)
            return new JsonObject { [key] = v?.DeepClone() };
        return null;
    }
}
