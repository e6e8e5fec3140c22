using System.Text.Json.Nodes;
using Riposte.Stix.Markings;
using static Riposte.Stix.Tests.ValidationAssert;

namespace Riposte.Stix.Tests;

/// <summary>Rules beyond single property types: cross-property rules, structured types, markings, extensions.</summary>
public class ValidatorRuleTests
{
    private static JsonObject With(string type, string json)
    {
        var obj = Samples.Of(type);
        foreach (var (key, value) in JsonNode.Parse(json)!.AsObject().ToArray())
            obj[key] = value?.DeepClone();
        return obj;
    }

    [Theory]
    [InlineData("""{"external_references":[{"source_name":"disarm"}]}""", "$.external_references[0]")]
    [InlineData("""{"external_references":[{"external_id":"T0049"}]}""", "$.external_references[0].source_name")]
    [InlineData("""{"external_references":[]}""", "$.external_references")]
    [InlineData("""{"external_references":[{"source_name":"cve","external_id":"CVE-16-1"}]}""", "$.external_references[0].external_id")]
    [InlineData("""{"external_references":[{"source_name":"x","url":"not a url"}]}""", "$.external_references[0].url")]
    [InlineData("""{"kill_chain_phases":[{"kill_chain_name":"disarm"}]}""", "$.kill_chain_phases[0].phase_name")]
    [InlineData("""{"labels":[]}""", "$.labels")]
    [InlineData("""{"labels":["ok",3]}""", "$.labels[1]")]
    [InlineData("""{"lang":"english language"}""", "$.lang")]
    [InlineData("""{"revoked":"no"}""", "$.revoked")]
    [InlineData("""{"spec_version":"2.0"}""", "$.spec_version")]
    [InlineData("""{"description":null}""", "$.description")]
    [InlineData("""{"severity":"high"}""", "$.severity")]
    [InlineData("""{"x_ref":"not-an-id"}""", "$.x_ref")]
    [InlineData("""{"x_target_refs":["identity--311b2d2d-f010-4473-83ec-1edf84858f4c","nope"]}""", "$.x_target_refs[1]")]
    public void Validate_AttackPatternDefect_ErrorAtPath(string patch, string path) => HasError(Validate(With("attack-pattern", patch)), path);

    [Fact]
    public void Validate_KillChainPhaseWithSpaces_Warning() =>
        HasWarningOnly(Validate(With("attack-pattern", """{"kill_chain_phases":[{"kill_chain_name":"disarm","phase_name":"Plan Strategy"}]}""")), "$.kill_chain_phases[0].phase_name");

    [Theory]
    [InlineData("""{"hashes":{"sha256":"fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db"}}""", "$.hashes.sha256")]
    [InlineData("""{"hashes":{"MD5":"abc"}}""", "$.hashes.MD5")]
    [InlineData("""{"hashes":{"SHA-1":"zz90a7e910cb3a4739bed9180e807e93fa70c90f"}}""", "$.hashes['SHA-1']")]
    [InlineData("""{"hashes":{"x":"abc"}}""", "$.hashes.x")]
    [InlineData("""{"hashes":{}}""", "$.hashes")]
    [InlineData("""{"size":-1}""", "$.size")]
    [InlineData("""{"magic_number_hex":"ABC"}""", "$.magic_number_hex")]
    [InlineData("""{"parent_directory_ref":"directory--not-a-uuid"}""", "$.parent_directory_ref")]
    public void Validate_FileDefect_ErrorAtPath(string patch, string path) => HasError(Validate(With("file", patch)), path);

    [Fact]
    public void Validate_FileWithCustomHashAlgorithm_Warning()
    {
        var file = With("file", """{"hashes":{"x_simhash":"abc"}}""");
        file["id"] = ScoIds.Compute(file);
        HasWarningOnly(Validate(file), "$.hashes.x_simhash");
    }

    [Fact]
    public void Validate_FileWithoutHashesOrName_Error()
    {
        var file = Samples.Of("file");
        file.Remove("hashes");
        file.Remove("name");
        HasError(Validate(file), "$");
    }

    [Fact]
    public void Validate_ScoWithRandomId_WarnsDeterministicId()
    {
        var url = Samples.Of("url");
        url["id"] = "url--6f7b8a41-8f4c-4c1f-8c6c-d2a2f4b0c0aa";
        HasWarningOnly(Validate(url), "$.id");
    }

    [Theory]
    [InlineData("ipv4-addr", "198.51.100.256")]
    [InlineData("ipv4-addr", "198.51.100.0/33")]
    [InlineData("ipv4-addr", "2001:db8::1")]
    [InlineData("ipv6-addr", "198.51.100.3")]
    [InlineData("mac-addr", "D2:FB:49:24:37:18")]
    [InlineData("email-addr", "not an address")]
    [InlineData("url", "example.com/no-scheme")]
    public void Validate_MalformedObservableValue_ErrorAtValue(string type, string value)
    {
        var obj = Samples.Of(type);
        obj["value"] = value;
        HasError(Validate(obj), "$.value");
    }

    [Theory]
    [InlineData("ipv4-addr", "198.51.100.0/24")]
    [InlineData("ipv6-addr", "2001:db8::/32")]
    public void Validate_CidrBlock_Accepted(string type, string value)
    {
        var obj = Samples.Of(type);
        obj["value"] = value;
        obj["id"] = ScoIds.Compute(obj);
        Clean(Validate(obj));
    }

    [Theory]
    [InlineData("""{"latitude":91}""", "$.latitude")]
    [InlineData("""{"longitude":-181}""", "$.longitude")]
    public void Validate_LocationOutOfRange_ErrorAtPath(string patch, string path) => HasError(Validate(With("location", patch)), path);

    [Fact]
    public void Validate_LocationWithLatitudeOnly_Error()
    {
        var location = JsonNode.Parse("""{"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","latitude":48.8566}""")!.AsObject();
        var result = Validate(location);
        HasError(result, "$");
        HasError(result, "$.longitude");
    }

    [Fact]
    public void Validate_MalwareFamilyWithoutName_ErrorAtName()
    {
        var malware = With("malware", """{"is_family":true}""");
        malware.Remove("name");
        HasError(Validate(malware), "$.name");
    }

    [Fact]
    public void Validate_ObservedDataWithObjectsAndRefs_Error() =>
        HasError(Validate(With("observed-data", """{"objects":{"0":{"type":"ipv4-addr","value":"198.51.100.3"}}}""")), "$");

    [Fact]
    public void Validate_ObservedDataRefsWithoutSco_ErrorAtObjectRefs() =>
        HasError(Validate(With("observed-data", """{"object_refs":["relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e"]}""")), "$.object_refs");

    [Theory]
    [InlineData("indicator", """{"valid_from":"2016-01-01T00:00:00Z","valid_until":"2016-01-01T00:00:00Z"}""", "$.valid_until")]
    [InlineData("campaign", """{"first_seen":"2016-05-06T20:03:48Z","last_seen":"2016-04-06T20:03:48Z"}""", "$.last_seen")]
    [InlineData("relationship", """{"start_time":"2016-05-06T20:03:48Z","stop_time":"2016-05-06T20:03:48Z"}""", "$.stop_time")]
    [InlineData("sighting", """{"count":1000000000}""", "$.count")]
    [InlineData("observed-data", """{"number_observed":0}""", "$.number_observed")]
    [InlineData("relationship", """{"relationship_type":"Uses It"}""", "$.relationship_type")]
    [InlineData("artifact", """{"url":"https://example.com/a.bin"}""", "$.url")]
    [InlineData("language-content", """{"contents":{"not a tag!":{"name":"x"}}}""", "$.contents['not a tag!']")]
    [InlineData("grouping", """{"object_refs":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}""", "$.object_refs")]
    [InlineData("extension-definition", """{"extension_properties":["disarm_phase"]}""", "$.extension_properties")]
    [InlineData("windows-registry-key", """{"values":[{"name":"Foo","data":"1","data_type":"REG_TEXT"}]}""", "$.values[0].data_type")]
    public void Validate_CrossPropertyDefect_ErrorAtPath(string type, string patch, string path) => HasError(Validate(With(type, patch)), path);

    [Theory]
    [InlineData("description")]
    [InlineData("external_references.[0].source_name")]
    [InlineData("kill_chain_phases.[0]")]
    [InlineData("id")]
    public void Validate_ResolvableSelector_Clean(string selector)
    {
        var obj = With("attack-pattern", """{"description":"d"}""");
        obj["granular_markings"] = new JsonArray(new JsonObject { ["marking_ref"] = TlpMarkings.AmberId, ["selectors"] = new JsonArray(selector) });
        Clean(Validate(obj));
    }

    [Theory]
    [InlineData("external_references.[1].source_name")]
    [InlineData("external_references[0]")]
    [InlineData("name.[0]")]
    [InlineData("kill_chain_phases.phase_name")]
    [InlineData("external_references..source_name")]
    public void Validate_UnresolvableSelector_ErrorAtSelector(string selector)
    {
        var obj = Samples.Of("attack-pattern");
        obj["granular_markings"] = new JsonArray(new JsonObject { ["lang"] = "en", ["selectors"] = new JsonArray(selector) });
        HasError(Validate(obj), "$.granular_markings[0].selectors[0]");
    }

    [Theory]
    [InlineData("""{"selectors":["name"]}""", "$.granular_markings[0]")]
    [InlineData("""{"selectors":["name"],"lang":"en","marking_ref":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"}""", "$.granular_markings[0]")]
    [InlineData("""{"marking_ref":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"}""", "$.granular_markings[0].selectors")]
    [InlineData("""{"selectors":[],"lang":"en"}""", "$.granular_markings[0].selectors")]
    [InlineData("""{"selectors":["name"],"marking_ref":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c"}""", "$.granular_markings[0].marking_ref")]
    public void Validate_MalformedGranularMarking_ErrorAtPath(string marking, string path)
    {
        var obj = Samples.Of("attack-pattern");
        obj["granular_markings"] = new JsonArray(JsonNode.Parse(marking));
        HasError(Validate(obj), path);
    }

    [Fact]
    public void Validate_Tlp1MarkingWithOtherId_ErrorAtId()
    {
        var marking = Samples.Of("marking-definition");
        marking["id"] = "marking-definition--11111111-860f-48ae-8e50-ebd3cc5e41da";
        HasError(Validate(marking), "$.id");
    }

    [Fact]
    public void Validate_Tlp2MarkingWithOtherId_ErrorAtId()
    {
        var marking = TlpMarkings.Definition(TlpLevel.AmberStrict).Json;
        marking["id"] = "marking-definition--939a9414-1955-4a77-93a3-5a4ec65c9b6e";
        HasError(Validate(marking), "$.id");
    }

    [Fact]
    public void Validate_Tlp2UnknownLevel_ErrorAtValue()
    {
        var marking = TlpMarkings.Definition(TlpLevel.Red).Json;
        marking["extensions"]![TlpMarkings.Tlp2ExtensionDefinitionId]!["tlp_2_0"] = "purple";
        HasError(Validate(marking), $"$.extensions['{TlpMarkings.Tlp2ExtensionDefinitionId}'].tlp_2_0");
    }

    [Theory]
    [InlineData("""{"modified":"2017-01-20T00:00:00.000Z"}""", "$.modified")]
    [InlineData("""{"definition":{"tlp":"purple"}}""", "$.definition.tlp")]
    public void Validate_MarkingDefinitionDefect_ErrorAtPath(string patch, string path) => HasError(Validate(With("marking-definition", patch)), path);

    [Fact]
    public void Validate_StatementMarking_Clean()
    {
        var statement = JsonNode.Parse("""{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--27557362-b745-4161-96e8-ccd62ce4cb26","created":"2022-01-01T00:00:00.000Z","definition_type":"statement","definition":{"statement":"Copyright 2022, Example Corp"}}""")!.AsObject();
        Clean(Validate(statement));
        statement["definition"] = new JsonObject { ["text"] = "no statement" };
        HasError(Validate(statement), "$.definition.statement");
    }

    [Theory]
    [InlineData("""{"extensions":{}}""", "$.extensions")]
    [InlineData("""{"extensions":{"my_extension":{"a":1}}}""", "$.extensions.my_extension")]
    [InlineData("""{"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"rank":5}}}""", "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type")]
    [InlineData("""{"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-thing"}}}""", "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type")]
    [InlineData("""{"extensions":{"extension-definition--d83fce45":{"extension_type":"property-extension","a":1}}}""", "$.extensions['extension-definition--d83fce45']")]
    [InlineData("""{"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"new-sdo"}}}""", "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type")]
    public void Validate_ExtensionDefect_ErrorAtPath(string patch, string path) => HasError(Validate(With("campaign", patch)), path);

    [Fact]
    public void Validate_PropertyExtension_Clean() =>
        Clean(Validate(With("campaign", """{"extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"property-extension","rank":5,"nested":{"deep":[1,2]}}}}""")));

    [Fact]
    public void Validate_ToplevelPropertyExtension_UnprefixedPropertiesClean() =>
        Clean(Validate(With("campaign", """{"disarm_phase":"plan","extensions":{"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e":{"extension_type":"toplevel-property-extension"}}}""")));

    [Fact]
    public void Validate_DeprecatedCustomExtension_Warning() =>
        HasWarningOnly(Validate(With("campaign", """{"extensions":{"x-riposte-ext":{"score":1}}}""")), "$.extensions['x-riposte-ext']");

    [Fact]
    public void Validate_PredefinedFileExtension_Clean()
    {
        var file = With("file", """{"extensions":{"archive-ext":{"contains_refs":["file--e04f22d1-be2c-59de-add8-10f61d15fe20"]}}}""");
        file["id"] = ScoIds.Compute(file);
        Clean(Validate(file));
    }

    [Fact]
    public void Validate_ObjectDefinedByNewSdoExtension_Clean()
    {
        var custom = JsonNode.Parse("""{"type":"disinformation-narrative","spec_version":"2.1","id":"disinformation-narrative--5a5a5a5a-1111-4222-8333-444444444444","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Forged letter","extensions":{"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62":{"extension_type":"new-sdo"}}}""")!.AsObject();
        Clean(Validate(custom));
        custom.Remove("created");
        HasError(Validate(custom), "$.created");
    }

    [Fact]
    public void Validate_LegacyCustomObject_WarningOnly()
    {
        var custom = JsonNode.Parse("""{"type":"x-riposte-case","spec_version":"2.1","id":"x-riposte-case--5a5a5a5a-1111-4222-8333-444444444444","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","title":"A case"}""")!.AsObject();
        HasWarningOnly(Validate(custom), "$.type");
    }

    [Fact]
    public void Validate_BundleMemberDefect_ErrorAtMemberPath()
    {
        var bundle = Samples.Of("bundle");
        bundle["objects"]!.AsArray().Add(Samples.Of("campaign"));
        bundle["objects"]![1]!.AsObject().Remove("name");
        HasError(Validate(bundle), "$.objects[1].name");
    }

    [Fact]
    public void Validate_BundleWithSpecVersion_Warning()
    {
        var bundle = Samples.Of("bundle");
        bundle["spec_version"] = "2.1";
        HasWarningOnly(Validate(bundle), "$.spec_version");
    }

    [Fact]
    public void Validate_ErrorsAndValidPart_AllReported()
    {
        // Several independent defects: each is reported, none hides another.
        var obj = With("indicator", """{"confidence":900,"pattern_type":"kql","labels":[],"x_ok":"kept"}""");
        var result = Validate(obj);
        HasError(result, "$.confidence");
        HasError(result, "$.labels");
        Assert.Contains(result.Warnings, w => w.Path == "$.pattern_type");
        Assert.DoesNotContain(result.Issues, i => i.Path == "$.x_ok");
    }
}
