using System.Collections.Frozen;
using System.Text.Json;
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

    public static void Dictionary(JsonElement node, string path, IssueSink sink)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            sink.Error(path, "must be a dictionary (JSON object)");
            return;
        }
        if (IsEmptyObject(node))
            sink.Error(path, "must not be an empty dictionary");
        foreach (var property in node.EnumerateObject())
        {
            var key = property.Name;
            if (!DictionaryKey().IsMatch(key))
                sink.Error(JsonPathText.Property(path, key), $"dictionary key '{key}' must be 1-250 ASCII letters, digits, '_' or '-'");
        }
    }

    public static void Hashes(JsonElement node, string path, IssueSink sink)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            sink.Error(path, "must be a hashes dictionary (JSON object)");
            return;
        }
        if (IsEmptyObject(node))
            sink.Error(path, "must not be an empty dictionary");
        foreach (var property in node.EnumerateObject())
        {
            var algorithm = property.Name;
            var at = JsonPathText.Property(path, algorithm);
            if (ValueChecks.ExpectString(property.Value, at, sink) is not { } hash)
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

    public static void KillChainPhases(JsonElement node, string path, IssueSink sink)
    {
        if (!NonEmptyList(node, path, sink))
            return;
        var i = -1;
        foreach (var phase in node.EnumerateArray())
        {
            var at = JsonPathText.Index(path, ++i);
            if (phase.ValueKind != JsonValueKind.Object)
            {
                sink.Error(at, "a kill-chain-phase must be an object with kill_chain_name and phase_name");
                continue;
            }
            foreach (var name in (ReadOnlySpan<string>)["kill_chain_name", "phase_name"])
            {
                var propertyPath = JsonPathText.Property(at, name);
                if (!phase.TryGetProperty(name, out var v))
                    sink.Error(propertyPath, $"required property '{name}' is missing");
                else if (ValueChecks.ExpectString(v, propertyPath, sink) is { } s && !LowerHyphenated().IsMatch(s))
                    sink.Warning(propertyPath, $"'{s}' SHOULD be lower case with hyphens as word separators");
            }
        }
    }

    public static void ExternalReferences(JsonElement node, string path, IssueSink sink)
    {
        if (!NonEmptyList(node, path, sink))
            return;
        var i = -1;
        foreach (var reference in node.EnumerateArray())
        {
            var at = JsonPathText.Index(path, ++i);
            if (reference.ValueKind != JsonValueKind.Object)
            {
                sink.Error(at, "an external reference must be an object");
                continue;
            }
            ExternalReference(reference, at, sink);
        }
    }

    private static void ExternalReference(JsonElement reference, string at, IssueSink sink)
    {
        string? sourceName = null, externalId = null;
        bool hasSourceName = false, hasDescription = false, hasUrl = false, hasExternalId = false, hasHashes = false;
        foreach (var property in reference.EnumerateObject())
        {
            var key = PropertyNames.Of(property);
            var value = property.Value;
            var propertyPath = JsonPathText.Property(at, key);
            switch (key)
            {
                case "source_name":
                    hasSourceName = true;
                    sourceName = ValueChecks.ExpectString(value, propertyPath, sink);
                    break;
                case "external_id":
                    hasExternalId = true;
                    externalId = ValueChecks.ExpectString(value, propertyPath, sink);
                    break;
                case "description":
                    hasDescription = true;
                    ValueChecks.RequireString(value, propertyPath, sink);
                    break;
                case "url":
                    hasUrl = true;
                    ValueChecks.Url(value, propertyPath, sink);
                    break;
                case "hashes":
                    hasHashes = true;
                    Hashes(value, propertyPath, sink);
                    break;
            }
        }
        if (!hasSourceName)
            sink.Error(JsonPathText.Property(at, "source_name"), "required property 'source_name' is missing");
        if (!hasDescription && !hasUrl && !hasExternalId)
            sink.Error(at, "an external reference needs at least one of description, url or external_id");
        if (hasHashes && !hasUrl)
            sink.Warning(JsonPathText.Property(at, "hashes"), "hashes describe the content at url, so url SHOULD be present");
        if (sourceName == "cve" && externalId is not null && !CveId().IsMatch(externalId))
            sink.Error(JsonPathText.Property(at, "external_id"), $"a 'cve' reference's external_id must be a CVE id (CVE-YYYY-NNNN), not '{externalId}'");
        if (sourceName == "capec" && externalId is not null && !CapecId().IsMatch(externalId))
            sink.Error(JsonPathText.Property(at, "external_id"), $"a 'capec' reference's external_id must be CAPEC-N, not '{externalId}'");
    }

    /// <summary>True when <paramref name="node"/> is a list (an empty one is reported, but still walked).</summary>
    public static bool NonEmptyList(JsonElement node, string path, IssueSink sink)
    {
        if (node.ValueKind != JsonValueKind.Array)
        {
            sink.Error(path, "must be a list");
            return false;
        }
        if (node.GetArrayLength() == 0)
            sink.Error(path, "must not be an empty list (omit the property instead)");
        return true;
    }

    public static bool IsEmptyObject(JsonElement obj)
    {
        using var properties = obj.EnumerateObject();
        return !properties.MoveNext();
    }

    /// <summary>The number of properties of a JSON object.</summary>
    public static int PropertyCount(JsonElement obj)
    {
        var count = 0;
        foreach (var _ in obj.EnumerateObject())
            count++;
        return count;
    }
}
