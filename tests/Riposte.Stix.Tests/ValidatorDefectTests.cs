using System.Text.Json.Nodes;
using static Riposte.Stix.Tests.ValidationAssert;

namespace Riposte.Stix.Tests;

/// <summary>Each kind of defect, on every type it applies to, is an error at the right JSON path.</summary>
public class ValidatorDefectTests
{
    // Required properties per type, from the STIX 2.1 property tables (independent of the validator's tables).
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["attack-pattern"] = ["name"],
        ["campaign"] = ["name"],
        ["course-of-action"] = ["name"],
        ["grouping"] = ["context", "object_refs"],
        ["identity"] = ["name"],
        ["incident"] = ["name"],
        ["indicator"] = ["pattern", "pattern_type", "valid_from"],
        ["infrastructure"] = ["name"],
        ["intrusion-set"] = ["name"],
        ["location"] = [],
        ["malware"] = ["is_family"],
        ["malware-analysis"] = ["product"],
        ["note"] = ["content", "object_refs"],
        ["observed-data"] = ["first_observed", "last_observed", "number_observed"],
        ["opinion"] = ["opinion", "object_refs"],
        ["report"] = ["name", "published", "object_refs"],
        ["threat-actor"] = ["name"],
        ["tool"] = ["name"],
        ["vulnerability"] = ["name"],
        ["relationship"] = ["relationship_type", "source_ref", "target_ref"],
        ["sighting"] = ["sighting_of_ref"],
        ["marking-definition"] = ["created", "definition_type", "definition"],
        ["extension-definition"] = ["created_by_ref", "name", "schema", "version", "extension_types"],
        ["language-content"] = ["object_ref", "contents"],
        ["bundle"] = [],
        ["artifact"] = [],
        ["autonomous-system"] = ["number"],
        ["directory"] = ["path"],
        ["domain-name"] = ["value"],
        ["email-addr"] = ["value"],
        ["email-message"] = ["is_multipart"],
        ["file"] = [],
        ["ipv4-addr"] = ["value"],
        ["ipv6-addr"] = ["value"],
        ["mac-addr"] = ["value"],
        ["mutex"] = ["name"],
        ["network-traffic"] = ["protocols"],
        ["process"] = [],
        ["software"] = ["name"],
        ["url"] = ["value"],
        ["user-account"] = [],
        ["windows-registry-key"] = [],
        ["x509-certificate"] = [],
    };

    private static readonly string[] Versioned =
    [
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
        "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report",
        "threat-actor", "tool", "vulnerability", "relationship", "sighting", "extension-definition", "language-content",
    ];

    public static TheoryData<string, string> RequiredProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, props) in Required)
        {
            data.Add(type, "id");
            if (type != "bundle")
                data.Add(type, "spec_version" is var sv && StixTypes.CategoryOf(type) == StixCategory.CyberObservable ? "id" : sv);
            foreach (var p in props)
                data.Add(type, p);
        }
        foreach (var type in Versioned)
        {
            data.Add(type, "created");
            data.Add(type, "modified");
        }
        return data;
    }

    public static TheoryData<string> VersionedTypes => new(Versioned);

    [Fact]
    public void RequiredTable_CoversEverySample() => Assert.Equal(Samples.Types.Order(), Required.Keys.Order());

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Validate_MissingRequiredProperty_ErrorAtProperty(string type, string property)
    {
        // Arrange
        var obj = Samples.Of(type);
        obj.Remove(property);

        // Act
        var result = Validate(obj);

        // Assert
        HasError(result, "$." + property);
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_MissingType_ErrorAtType(string type)
    {
        var obj = Samples.Of(type);
        obj.Remove("type");
        HasError(Validate(obj), "$.type");
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_MalformedId_ErrorAtId(string type)
    {
        foreach (var bad in new[] { "not-an-id", type + "--1234", type + "--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f", type + "--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f", "X" + type + "--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f" })
        {
            var obj = Samples.Of(type);
            obj["id"] = bad;
            HasError(Validate(obj), "$.id");
        }
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_IdOfAnotherType_ErrorAtId(string type)
    {
        var obj = Samples.Of(type);
        obj["id"] = (type == "campaign" ? "identity" : "campaign") + "--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
        HasError(Validate(obj), "$.id");
    }

    [Theory]
    [MemberData(nameof(VersionedTypes))]
    public void Validate_BadTimestamp_ErrorAtProperty(string type)
    {
        foreach (var bad in new[] { "2016-04-06 20:03:48.000Z", "2016-04-06T20:03:48.000+01:00", "2016-13-06T20:03:48.000Z", "yesterday" })
        {
            var obj = Samples.Of(type);
            obj["created"] = bad;
            HasError(Validate(obj), "$.created");
        }
    }

    [Theory]
    [MemberData(nameof(VersionedTypes))]
    public void Validate_ModifiedBeforeCreated_ErrorAtModified(string type)
    {
        var obj = Samples.Of(type);
        obj["created"] = "2016-04-06T20:03:48.001Z";
        obj["modified"] = "2016-04-06T20:03:48.000Z";
        HasError(Validate(obj), "$.modified");
    }

    [Theory]
    [MemberData(nameof(VersionedTypes))]
    public void Validate_CreatedWithoutMilliseconds_ErrorAtCreated(string type)
    {
        var obj = Samples.Of(type);
        obj["created"] = "2016-04-06T20:03:48Z";
        HasError(Validate(obj), "$.created");
    }

    [Theory]
    [MemberData(nameof(VersionedTypes))]
    public void Validate_CreatedByRefToCampaign_ErrorAtCreatedByRef(string type)
    {
        var obj = Samples.Of(type);
        obj["created_by_ref"] = Samples.CampaignId;
        HasError(Validate(obj), "$.created_by_ref");
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_MarkingRefToIdentity_ErrorAtListItem(string type)
    {
        if (type == "bundle")
            return;
        var obj = Samples.Of(type);
        obj["object_marking_refs"] = new JsonArray("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Samples.IdentityId);
        HasError(Validate(obj), "$.object_marking_refs[1]");
    }

    [Theory]
    [InlineData("relationship", "source_ref", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")]
    [InlineData("relationship", "target_ref", "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e")]
    [InlineData("relationship", "target_ref", "bundle--57b56a43-b8b0-4cba-9deb-34e3e1faed9e")]
    [InlineData("relationship", "source_ref", "language-content--57b56a43-b8b0-4cba-9deb-34e3e1faed9e")]
    [InlineData("sighting", "sighting_of_ref", "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e")]
    [InlineData("sighting", "sighting_of_ref", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    [InlineData("language-content", "object_ref", "not-an-id")]
    [InlineData("malware-analysis", "host_vm_ref", "file--e04f22d1-be2c-59de-add8-10f61d15fe20")]
    [InlineData("email-addr", "belongs_to_ref", "identity--311b2d2d-f010-4473-83ec-1edf84858f4c")]
    [InlineData("file", "parent_directory_ref", "file--e04f22d1-be2c-59de-add8-10f61d15fe20")]
    public void Validate_ReferenceToWrongType_ErrorAtReference(string type, string property, string target)
    {
        var obj = Samples.Of(type);
        obj[property] = target;
        HasError(Validate(obj), "$." + property);
    }

    [Theory]
    [InlineData("sighting", "where_sighted_refs", "campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("sighting", "observed_data_refs", "identity--311b2d2d-f010-4473-83ec-1edf84858f4c")]
    [InlineData("domain-name", "resolves_to_refs", "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55")]
    [InlineData("malware", "sample_refs", "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55")]
    public void Validate_ReferenceListItemToWrongType_ErrorAtItem(string type, string property, string target)
    {
        var obj = Samples.Of(type);
        obj[property] = new JsonArray(target);
        HasError(Validate(obj), $"$.{property}[0]");
    }

    [Theory]
    [MemberData(nameof(VersionedTypes))]
    public void Validate_BadConfidence_ErrorAtConfidence(string type)
    {
        if (type == "extension-definition")
            return; // extension-definition has no confidence property at all
        foreach (var bad in new JsonNode[] { 101, -1, 50.5, "50" })
        {
            var obj = Samples.Of(type);
            obj["confidence"] = bad;
            HasError(Validate(obj), "$.confidence");
        }
    }

    [Theory]
    [InlineData("opinion", "opinion", "maybe")]
    [InlineData("artifact", "encryption_algorithm", "rot13")]
    public void Validate_ClosedVocabularyViolation_Error(string type, string property, string value)
    {
        var obj = Samples.Of(type);
        obj[property] = value;
        HasError(Validate(obj), "$." + property);
    }

    [Fact]
    public void Validate_UnknownExtensionType_ErrorAtListItem()
    {
        var obj = Samples.Of("extension-definition");
        obj["extension_types"] = new JsonArray("new-sdo", "new-thing");
        HasError(Validate(obj), "$.extension_types[1]");
    }

    [Theory]
    [InlineData("identity", "identity_class", "alien")]
    [InlineData("grouping", "context", "fimi-campaign")]
    [InlineData("indicator", "pattern_type", "kql")]
    public void Validate_OpenVocabularyOutsider_WarningOnly(string type, string property, string value)
    {
        var obj = Samples.Of(type);
        obj[property] = value;
        HasWarningOnly(Validate(obj), "$." + property);
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_UnresolvableGranularSelector_ErrorAtSelector(string type)
    {
        if (type == "bundle")
            return;
        var obj = Samples.Of(type);
        obj["granular_markings"] = JsonNode.Parse("""[{"marking_ref":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9","selectors":["type","x_not_there"]}]""");
        HasError(Validate(obj), "$.granular_markings[0].selectors[1]");
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_BadCustomPropertyName_ErrorAtProperty(string type)
    {
        foreach (var bad in new[] { "X_Upper", "x-hyphen", "ab", "x_" + new string('a', 249) })
        {
            var obj = Samples.Of(type);
            obj[bad] = "v";
            HasError(Validate(obj), bad.Contains('-', StringComparison.Ordinal) ? $"$['{bad}']" : "$." + bad);
        }
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_CustomPropertyWithoutXPrefix_WarningOnly(string type)
    {
        var obj = Samples.Of(type);
        obj["my_note"] = "v";
        HasWarningOnly(Validate(obj), "$.my_note");
    }

    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public void Validate_CustomPropertyWithXPrefix_Clean(string type)
    {
        var obj = Samples.Of(type);
        obj["x_riposte_score"] = JsonNode.Parse("""{"value":0.8,"nested":["a",{"b":null}]}""");
        Clean(Validate(obj));
    }
}
