using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>Checks of the structured STIX types: dictionary, hashes, kill-chain-phase, external-reference.</summary>
internal static partial class StructuredChecks
{
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,250}$", RegexOptions.CultureInvariant)]
    private static partial Regex DictionaryKey();

    [GeneratedRegex("^[a-zA-Z0-9_-]{3,250}$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomHashKey();

    [GeneratedRegex("^CVE-\\d{4}-(0\\d{3}|[1-9]\\d{3,})$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex("^CAPEC-\\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CapecId();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerHyphenated();

    [GeneratedRegex("^[a-zA-Z0-9/+:.]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex SsdeepValue();

    // Expected hex length per hash algorithm of hash-algorithm-ov (SSDEEP and TLSH have their own forms).
    private static readonly FrozenDictionary<string, int> HexLength = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["MD5"] = 32,
        ["SHA-1"] = 40,
        ["SHA-256"] = 64,
        ["SHA-512"] = 128,
        ["SHA3-256"] = 64,
        ["SHA3-512"] = 128,
        ["TLSH"] = 70,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Common misspellings of vocabulary algorithm names: the spec's names are case- and hyphen-exact.
    private static readonly FrozenDictionary<string, string> AlgorithmSpelling = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["md5"] = "MD5", ["sha1"] = "SHA-1", ["sha-1"] = "SHA-1", ["sha_1"] = "SHA-1",
        ["sha256"] = "SHA-256", ["sha-256"] = "SHA-256", ["sha_256"] = "SHA-256",
        ["sha512"] = "SHA-512", ["sha-512"] = "SHA-512", ["sha_512"] = "SHA-512",
        ["sha3256"] = "SHA3-256", ["sha3-256"] = "SHA3-256", ["sha3_256"] = "SHA3-256",
        ["sha3512"] = "SHA3-512", ["sha3-512"] = "SHA3-512", ["sha3_512"] = "SHA3-512",
        ["ssdeep"] = "SSDEEP", ["tlsh"] = "TLSH",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static void Dictionary(JsonNode? node, string path, IssueSink sink)
    {
        if (node is not JsonObject dict)
        {
            sink.Error(path, "must be a dictionary (JSON object)");
            return;
        }
        if (dict.Count == 0)
            sink.Error(path, "must not be an empty dictionary");
        foreach (var (key, _) in dict)
        {
            if (!DictionaryKey().IsMatch(key))
                sink.Error(JsonPathText.Property(path, key), $"dictionary key '{key}' must be 1-250 ASCII letters, digits, '_' or '-'");
        }
    }

    public static void Hashes(JsonNode? node, string path, IssueSink sink)
    {
        if (node is not JsonObject dict)
        {
            sink.Error(path, "must be a hashes dictionary (JSON object)");
            return;
        }
        if (dict.Count == 0)
            sink.Error(path, "must not be an empty dictionary");
        foreach (var (algorithm, value) in dict)
        {
            var at = JsonPathText.Property(path, algorithm);
            if (ValueChecks.ExpectString(value, at, sink) is not { } hash)
                continue;
            if (Vocabularies.HashAlgorithm.Values.Contains(algorithm))
            {
                CheckHashValue(algorithm, hash, at, sink);
            }
            else if (AlgorithmSpelling.TryGetValue(algorithm, out var proper))
            {
                sink.Error(at, $"hash algorithm '{algorithm}' must be written '{proper}' (hash-algorithm-ov names are exact)");
            }
            else if (!CustomHashKey().IsMatch(algorithm))
            {
                sink.Error(at, $"custom hash algorithm name '{algorithm}' must be 3-250 ASCII letters, digits, '_' or '-'");
            }
            else
            {
                sink.Warning(at, $"'{algorithm}' is not in hash-algorithm-ov; a vocabulary algorithm SHOULD be used");
            }
        }
    }

    private static void CheckHashValue(string algorithm, string hash, string path, IssueSink sink)
    {
        if (algorithm == "SSDEEP")
        {
            if (!SsdeepValue().IsMatch(hash))
                sink.Error(path, "is not an SSDEEP hash");
            return;
        }
        var length = HexLength[algorithm];
        if (hash.Length != length || hash.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
            sink.Error(path, $"a {algorithm} hash must be {length} hex characters");
    }

    public static void KillChainPhases(JsonNode? node, string path, IssueSink sink)
    {
        if (!NonEmptyList(node, path, sink, out var list))
            return;
        for (var i = 0; i < list.Count; i++)
        {
            var at = JsonPathText.Index(path, i);
            if (list[i] is not JsonObject phase)
            {
                sink.Error(at, "a kill-chain-phase must be an object with kill_chain_name and phase_name");
                continue;
            }
            foreach (var name in (ReadOnlySpan<string>)["kill_chain_name", "phase_name"])
            {
                var propertyPath = JsonPathText.Property(at, name);
                if (!phase.TryGetPropertyValue(name, out var v))
                    sink.Error(propertyPath, $"required property '{name}' is missing");
                else if (ValueChecks.ExpectString(v, propertyPath, sink) is { } s && !LowerHyphenated().IsMatch(s))
                    sink.Warning(propertyPath, $"'{s}' SHOULD be lower case with hyphens as word separators");
            }
        }
    }

    public static void ExternalReferences(JsonNode? node, string path, IssueSink sink)
    {
        if (!NonEmptyList(node, path, sink, out var list))
            return;
        for (var i = 0; i < list.Count; i++)
        {
            var at = JsonPathText.Index(path, i);
            if (list[i] is not JsonObject reference)
            {
                sink.Error(at, "an external reference must be an object");
                continue;
            }
            ExternalReference(reference, at, sink);
        }
    }

    private static void ExternalReference(JsonObject reference, string at, IssueSink sink)
    {
        string? sourceName = null, externalId = null;
        foreach (var (key, value) in reference)
        {
            var propertyPath = JsonPathText.Property(at, key);
            switch (key)
            {
                case "source_name":
                    sourceName = ValueChecks.ExpectString(value, propertyPath, sink);
                    break;
                case "external_id":
                    externalId = ValueChecks.ExpectString(value, propertyPath, sink);
                    break;
                case "description":
                    ValueChecks.ExpectString(value, propertyPath, sink);
                    break;
                case "url":
                    ValueChecks.Url(value, propertyPath, sink);
                    break;
                case "hashes":
                    Hashes(value, propertyPath, sink);
                    break;
            }
        }
        if (!reference.ContainsKey("source_name"))
            sink.Error(JsonPathText.Property(at, "source_name"), "required property 'source_name' is missing");
        if (!reference.ContainsKey("description") && !reference.ContainsKey("url") && !reference.ContainsKey("external_id"))
            sink.Error(at, "an external reference needs at least one of description, url or external_id");
        if (reference.ContainsKey("hashes") && !reference.ContainsKey("url"))
            sink.Warning(JsonPathText.Property(at, "hashes"), "hashes describe the content at url, so url SHOULD be present");
        if (sourceName == "cve" && externalId is not null && !CveId().IsMatch(externalId))
            sink.Error(JsonPathText.Property(at, "external_id"), $"a 'cve' reference's external_id must be a CVE id (CVE-YYYY-NNNN), not '{externalId}'");
        if (sourceName == "capec" && externalId is not null && !CapecId().IsMatch(externalId))
            sink.Error(JsonPathText.Property(at, "external_id"), $"a 'capec' reference's external_id must be CAPEC-N, not '{externalId}'");
    }

    public static bool NonEmptyList(JsonNode? node, string path, IssueSink sink, out JsonArray list)
    {
        list = null!;
        if (node is not JsonArray array)
        {
            sink.Error(path, "must be a list");
            return false;
        }
        if (array.Count == 0)
            sink.Error(path, "must not be an empty list (omit the property instead)");
        list = array;
        return true;
    }

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
