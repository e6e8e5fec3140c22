using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using static Riposte.Stix.Tests.Generators.Fragments;
using static Riposte.Stix.Tests.Generators.GenPrimitives;

namespace Riposte.Stix.Tests.Generators;

/// <summary>Random valid STIX 2.1 objects of every type, with custom properties, nested extensions, unicode and any timestamp precision.</summary>
internal static class StixGenerators
{
    private static readonly string[] SdoTypes =
    [
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
        "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
        "threat-actor", "tool", "vulnerability",
    ];

    private static readonly string[] ScoTypes =
    [
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file", "ipv4-addr",
        "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account",
        "windows-registry-key", "x509-certificate",
    ];

    public static readonly string[] AllTypes =
        [.. SdoTypes, .. ScoTypes, "relationship", "sighting", "marking-definition", "extension-definition", "language-content", "bundle"];

    private static readonly Dictionary<string, Func<Gen<JsonObject>>> ByType = new(StringComparer.Ordinal)
    {
        ["attack-pattern"] = () => Sdo("attack-pattern", Req("name", Str(Text)), Opt("description", Str(Text)), Opt("aliases", Strings), Opt("kill_chain_phases", KillChainPhases)),
        ["campaign"] = () => Sdo("campaign", Req("name", Str(Text)), Opt("aliases", Strings), OptPair("first_seen", "last_seen"), Opt("objective", Str(Text))),
        ["course-of-action"] = () => Sdo("course-of-action", Req("name", Str(Text)), Opt("description", Str(Text))),
        ["grouping"] = () => Sdo("grouping", Opt("name", Str(Text)), Req("context", Str(Gen.Elements("suspicious-activity", "malware-analysis", "unspecified", "fimi-case"))), Req("object_refs", Ids("campaign", "indicator", "relationship", "ipv4-addr"))),
        ["identity"] = () => Sdo("identity", Req("name", Str(Text)), Opt("roles", Strings), Opt("identity_class", Str(Gen.Elements("individual", "organization", "system"))), Opt("sectors", Terms("government-national", "defense", "education")), Opt("contact_information", Str(Text))),
        ["incident"] = () => Sdo("incident", Req("name", Str(Text)), Opt("description", Str(Text)), Opt("kill_chain_phases", KillChainPhases)),
        ["indicator"] = () => Sdo("indicator", Opt("name", Str(Text)), Opt("indicator_types", Terms("malicious-activity", "attribution", "anomalous-activity")), Req("pattern", Str(Word.Select(w => $"[domain-name:value = '{w}.example']"))), Req("pattern_type", "stix"), Opt("pattern_version", "2.1"), Validity()),
        ["infrastructure"] = () => Sdo("infrastructure", Req("name", Str(Text)), Opt("infrastructure_types", Terms("botnet", "hosting-malware", "phishing")), Opt("aliases", Strings), OptPair("first_seen", "last_seen")),
        ["intrusion-set"] = () => Sdo("intrusion-set", Req("name", Str(Text)), Opt("aliases", Strings), OptPair("first_seen", "last_seen"), Opt("goals", Strings), Opt("resource_level", Str(Gen.Elements("government", "organization"))), Opt("primary_motivation", Str(Gen.Elements("ideology", "dominance"))), Opt("secondary_motivations", Terms("coercion", "notoriety"))),
        ["location"] = () => Sdo("location", Opt("name", Str(Text)), Place()),
        ["malware"] = () => Sdo("malware", Req("name", Str(Text)), Req("is_family", Bool), Opt("malware_types", Terms("bot", "spyware", "wiper")), OptPair("first_seen", "last_seen"), Opt("operating_system_refs", Ids("software")), Opt("capabilities", Terms("exfiltrates-data", "evades-av")), Opt("sample_refs", Ids("file", "artifact"))),
        ["malware-analysis"] = () => Sdo("malware-analysis", Req("product", Str(Text)), Opt("version", Str(Word)), Opt("host_vm_ref", Str(Id("software"))), Req("result", Str(Gen.Elements("malicious", "suspicious", "benign", "unknown"))), Opt("analysis_sco_refs", Ids("file", "url")), Opt("submitted", Str(Timestamp()))),
        ["note"] = () => Sdo("note", Opt("abstract", Str(Text)), Req("content", Str(Text)), Opt("authors", Strings), Req("object_refs", Ids("campaign", "report", "identity"))),
        ["observed-data"] = () => Sdo("observed-data", ObservedWindow(), Req("number_observed", Int(1, 999_999_999)), Req("object_refs", Ids("ipv4-addr", "url", "domain-name"))),
        ["opinion"] = () => Sdo("opinion", Opt("explanation", Str(Text)), Opt("authors", Strings), Req("opinion", Str(Gen.Elements("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"))), Req("object_refs", Ids("report", "relationship"))),
        ["report"] = () => Sdo("report", Req("name", Str(Text)), Opt("report_types", Terms("threat-report", "campaign")), Req("published", Str(Timestamp())), Req("object_refs", Ids("campaign", "indicator", "relationship", "note"))),
        ["threat-actor"] = () => Sdo("threat-actor", Req("name", Str(Text)), Opt("threat_actor_types", Terms("nation-state", "activist")), Opt("aliases", Strings), OptPair("first_seen", "last_seen"), Opt("roles", Terms("agent", "director")), Opt("sophistication", Str(Gen.Elements("advanced", "expert"))), Opt("personal_motivations", Terms("ideology", "revenge"))),
        ["tool"] = () => Sdo("tool", Req("name", Str(Text)), Opt("tool_types", Terms("remote-access", "network-capture")), Opt("tool_version", Str(Word))),
        ["vulnerability"] = () => Sdo("vulnerability", Req("name", Str(Text)), Opt("description", Str(Text))),
        ["relationship"] = () => Sdo("relationship", Req("relationship_type", Str(Word)), Req("source_ref", Str(IdOf("campaign", "threat-actor", "ipv4-addr"))), Req("target_ref", Str(IdOf("identity", "malware", "domain-name"))), OptPair("start_time", "stop_time", strict: true)),
        ["sighting"] = () => Sdo("sighting", OptPair("first_seen", "last_seen"), Opt("count", Int(0, 999_999_999)), Req("sighting_of_ref", Str(IdOf("indicator", "campaign"))), Opt("observed_data_refs", Ids("observed-data")), Opt("where_sighted_refs", Ids("identity", "location")), Opt("summary", Bool)),
        ["marking-definition"] = MarkingDefinition,
        ["extension-definition"] = () => Sdo("extension-definition", Req("created_by_ref", Str(Id("identity"))), Req("name", Str(Text)), Req("schema", Str(Word.Select(w => "https://example.org/schemas/" + w))), Req("version", Str(Gen.Elements("1.0.0", "2.1.3"))), ExtensionTypes()),
        ["language-content"] = () => Sdo("language-content", Req("object_ref", Str(IdOf("campaign", "report"))), Opt("object_modified", Str(Timestamp(3))), Req("contents", Translations())),
        ["bundle"] = Bundle,
        ["artifact"] = () => Sco("artifact", Gen.OneOf(Req("payload_bin", Base64), Merge([Req("url", Str(Word.Select(w => "https://example.org/" + w))), Req("hashes", Hashes)])), Opt("mime_type", "application/octet-stream")),
        ["autonomous-system"] = () => Sco("autonomous-system", Req("number", Int(0, int.MaxValue)), Opt("name", Str(Text)), Opt("rir", "RIPE")),
        ["directory"] = () => Sco("directory", Req("path", Str(Text)), Opt("ctime", Str(Timestamp())), Opt("contains_refs", Ids("file", "directory"))),
        ["domain-name"] = () => Sco("domain-name", Req("value", Str(Word.Select(w => w + ".example"))), Opt("resolves_to_refs", Ids("ipv4-addr", "ipv6-addr"))),
        ["email-addr"] = () => Sco("email-addr", Req("value", Str(Word.Select(w => w + "@example.org"))), Opt("display_name", Str(Text)), Opt("belongs_to_ref", Str(Id("user-account")))),
        ["email-message"] = () => Sco("email-message", Req("is_multipart", false), Opt("date", Str(Timestamp())), Opt("from_ref", Str(Id("email-addr"))), Opt("to_refs", Ids("email-addr")), Opt("subject", Str(Text)), Opt("body", Str(Text))),
        ["file"] = () => Sco("file", Req("name", Str(Text)), Opt("hashes", Hashes), Opt("size", Int(0, int.MaxValue)), Opt("mtime", Str(Timestamp())), Opt("parent_directory_ref", Str(Id("directory")))),
        ["ipv4-addr"] = () => Sco("ipv4-addr", Req("value", Str(Gen.ArrayOf(Gen.Choose(0, 255), 4).Select(b => string.Join('.', b))))),
        ["ipv6-addr"] = () => Sco("ipv6-addr", Req("value", Str(Gen.ArrayOf(Gen.Choose(0, 0xffff), 8).Select(b => string.Join(':', b.Select(x => x.ToString("x", System.Globalization.CultureInfo.InvariantCulture))))))),
        ["mac-addr"] = () => Sco("mac-addr", Req("value", Str(Gen.ArrayOf(Gen.Choose(0, 255), 6).Select(b => string.Join(':', b.Select(x => x.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))))))),
        ["mutex"] = () => Sco("mutex", Req("name", Str(Text))),
        ["network-traffic"] = () => Sco("network-traffic", Req("src_ref", Str(Id("ipv4-addr"))), Opt("dst_ref", Str(Id("domain-name"))), Opt("dst_port", Int(0, 65535)), Req("protocols", Terms("ipv4", "tcp", "http")), OptPair("start", "end")),
        ["process"] = () => Sco("process", Req("pid", Int(0, 65535)), Opt("command_line", Str(Text)), Opt("image_ref", Str(Id("file")))),
        ["software"] = () => Sco("software", Req("name", Str(Text)), Opt("vendor", Str(Text)), Opt("version", Str(Word))),
        ["url"] = () => Sco("url", Req("value", Str(Word.Select(w => "https://example.org/" + w + "?q=1")))),
        ["user-account"] = () => Sco("user-account", Req("user_id", Str(Word)), Opt("account_login", Str(Word)), Opt("account_type", Str(Gen.Elements("twitter", "facebook", "telegram"))), Opt("display_name", Str(Text)), Opt("is_privileged", Bool), Opt("account_created", Str(Timestamp()))),
        ["windows-registry-key"] = () => Sco("windows-registry-key", Req("key", Str(Text)), Opt("number_of_subkeys", Int(0, 100))),
        ["x509-certificate"] = () => Sco("x509-certificate", Req("serial_number", Str(Word)), Opt("issuer", Str(Text)), Opt("hashes", Hashes)),
    };

    /// <summary>A random valid object of <paramref name="type"/>.</summary>
    public static Gen<JsonObject> Of(string type) => ByType[type]();

    /// <summary>A random valid object of any type.</summary>
    public static Gen<JsonObject> Any => Gen.Elements(AllTypes).SelectMany(Of);

    private static Gen<JsonObject> Sdo(string type, params Gen<JsonObject>[] own) =>
        from times in OrderedTimestamps(3)
        from common in Merge(
        [
            Req("type", type), Req("spec_version", "2.1"), Req("id", Str(Id(type))),
            Req("created", times.Earlier), Req("modified", times.Later),
            type == "extension-definition" ? Gen.Fresh(() => new JsonObject()) : Opt("created_by_ref", Str(Id("identity"))),
            Opt("revoked", Bool), Opt("labels", Strings),
            type == "extension-definition" ? Gen.Fresh(() => new JsonObject()) : Opt("confidence", Int(0, 100)),
            type == "language-content" ? Gen.Fresh(() => new JsonObject()) : Opt("lang", Str(Gen.Elements("en", "fr", "de-CH", "zh-Hant-TW", "uk"))),
            Opt("external_references", Gen.NonEmptyListOf(ExternalReference).Resize(2).Select(l => (JsonNode)Arr(l))),
            Opt("object_marking_refs", Gen.NonEmptyListOf(Gen.Elements(MarkingIds)).Resize(2).Select(l => (JsonNode)Arr(l.Distinct().Select(i => (JsonNode)i)))),
        ])
        from specific in Merge(own)
        from custom in CustomProperties
        from extensions in type == "extension-definition" ? Gen.Fresh(() => new JsonObject()) : Extensions
        from marked in WithGranularMarkings(Combine(common, specific, custom, extensions))
        select marked;

    private static Gen<JsonObject> Sco(string type, params Gen<JsonObject>[] own) =>
        from common in Merge([Req("type", type), Opt("spec_version", "2.1"), Opt("defanged", Bool), Opt("object_marking_refs", Gen.Elements(MarkingIds).Select(i => (JsonNode)new JsonArray(i)))])
        from specific in Merge(own)
        from custom in CustomProperties
        from extensions in Extensions
        from randomId in Id(type)
        let obj = WithId(Combine(common, specific, custom, extensions), randomId)
        from marked in WithGranularMarkings(obj)
        select marked;

    private static JsonObject WithId(JsonObject obj, string randomId)
    {
        var id = ScoIds.Compute(obj) ?? randomId;
        return Combine(new JsonObject { ["type"] = obj["type"]!.DeepClone(), ["id"] = id }, Without(obj, "type"));
    }

    private static JsonObject Without(JsonObject obj, string key)
    {
        obj.Remove(key);
        return obj;
    }

    private static JsonObject Combine(params JsonObject[] parts)
    {
        var merged = new JsonObject();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part.ToArray())
            {
                part.Remove(key);
                merged[key] = value;
            }
        }
        return merged;
    }

    private static Gen<JsonObject> ExtensionTypes() =>
        Gen.OneOf(
            Req("extension_types", Terms("property-extension", "new-sdo", "new-sco", "new-sro")),
            Gen.Fresh(() => new JsonObject { ["extension_types"] = new JsonArray("toplevel-property-extension"), ["extension_properties"] = new JsonArray("disarm_phase") }));

    private static Gen<JsonObject> Validity() =>
        Gen.OneOf(
            Req("valid_from", Str(Timestamp())),
            OrderedTimestamps(0, strict: true).Select(p => new JsonObject { ["valid_from"] = p.Earlier, ["valid_until"] = p.Later }));

    private static Gen<JsonObject> ObservedWindow() =>
        OrderedTimestamps().Select(p => new JsonObject { ["first_observed"] = p.Earlier, ["last_observed"] = p.Later });

    private static Gen<JsonObject> Place() =>
        from mode in Gen.Choose(0, 2)
        from region in Gen.Elements("europe", "eastern-europe", "northern-africa", "oceania")
        from country in Gen.Elements("FR", "UA", "DE", "MD", "EE")
        from lat in Gen.Choose(-90_000, 90_000)
        from lon in Gen.Choose(-180_000, 180_000)
        from precision in Gen.Choose(0, 10_000)
        select mode switch
        {
            0 => new JsonObject { ["region"] = region },
            1 => new JsonObject { ["country"] = country, ["city"] = "Chișinău" },
            _ => new JsonObject { ["latitude"] = lat / 1000.0, ["longitude"] = lon / 1000.0, ["precision"] = precision / 10.0 },
        };

    private static Gen<JsonNode> Translations() =>
        Gen.NonEmptyListOf(Gen.Zip(Gen.Elements("de", "fr", "uk", "ru", "pt-BR"), Text)).Resize(3).Select(pairs =>
        {
            var contents = new JsonObject();
            foreach (var (lang, text) in pairs)
                contents[lang] = new JsonObject { ["name"] = text };
            return (JsonNode)contents;
        });

    private static Gen<JsonObject> MarkingDefinition() =>
        Gen.OneOf(
            Gen.Elements(Markings.TlpMarkings.Tlp2Definitions().Concat(Markings.TlpMarkings.Tlp1Definitions()).Select(d => d.ToJson()).ToArray())
                .Select(json => JsonNode.Parse(json)!.AsObject()),
            from id in Id("marking-definition")
            from created in Timestamp(3)
            from statement in Text
            from name in Gen.OrNull(Text)
            from creator in Id("identity")
            select Combine(
                new JsonObject { ["type"] = "marking-definition", ["spec_version"] = "2.1", ["id"] = id, ["created_by_ref"] = creator, ["created"] = created },
                name is null ? [] : new JsonObject { ["name"] = name },
                new JsonObject { ["definition_type"] = "statement", ["definition"] = new JsonObject { ["statement"] = statement } }));

    private static Gen<JsonObject> Bundle() =>
        from id in Id("bundle")
        from members in Gen.NonEmptyListOf(Gen.Elements(AllTypes.Where(t => t != "bundle").ToArray()).SelectMany(Of)).Resize(3)
        select new JsonObject { ["type"] = "bundle", ["id"] = id, ["objects"] = Arr(members) };
}
