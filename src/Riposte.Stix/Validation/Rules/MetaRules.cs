using static Riposte.Stix.Validation.Rules.Vocabularies;

namespace Riposte.Stix.Validation.Rules;

/// <summary>The property tables of the SROs (section 5), the meta objects (section 7) and the bundle (section 8).</summary>
internal static class MetaRules
{
    public static IEnumerable<TypeRule> All()
    {
        yield return new TypeRule("relationship", StixCategory.Relationship,
        [
            .. CommonProperties.DomainOrRelationship("relationship"),
            P.Str("relationship_type").Req(), P.Str("description"),
            P.Ref("source_ref", RefTarget.SdoOrSco).Req(), P.Ref("target_ref", RefTarget.SdoOrSco).Req(),
            P.Time("start_time"), P.Time("stop_time"),
        ]) { Orderings = [("start_time", "stop_time", true)], CrossChecks = CrossPropertyRules.Relationship };

        yield return new TypeRule("sighting", StixCategory.Relationship,
        [
            .. CommonProperties.DomainOrRelationship("sighting"),
            P.Str("description"), P.Time("first_seen"), P.Time("last_seen"), P.Int("count").Range(0, 999_999_999),
            P.Ref("sighting_of_ref", RefTarget.Sdo).Req(), P.Refs("observed_data_refs", "observed-data"),
            P.Refs("where_sighted_refs", "identity", "location"), P.Bool("summary"),
        ]) { Orderings = [("first_seen", "last_seen", false)] };

        yield return new TypeRule("marking-definition", StixCategory.Meta,
        [
            P.Str("type").Req(), P.Str("spec_version").Req(), P.Ref("id", "marking-definition").Req(),
            P.Ref("created_by_ref", "identity"), P.Time("created").Req(),
            P.Of("external_references", PropertyKind.ExternalReferences),
            P.Refs("object_marking_refs", "marking-definition"), P.Of("granular_markings", PropertyKind.GranularMarkings),
            P.Of("extensions", PropertyKind.Extensions), P.Str("name"), P.Str("definition_type"), P.Obj("definition"),
        ]) { CrossChecks = MarkingDefinitionRules.Check };

        yield return new TypeRule("extension-definition", StixCategory.Meta,
        [
            P.Str("type").Req(), P.Str("spec_version").Req(), P.Ref("id", "extension-definition").Req(),
            P.Ref("created_by_ref", "identity").Req(), P.Time("created").Req(), P.Time("modified").Req(),
            P.Bool("revoked"), P.Strs("labels"), P.Of("external_references", PropertyKind.ExternalReferences),
            P.Refs("object_marking_refs", "marking-definition"), P.Of("granular_markings", PropertyKind.GranularMarkings),
            P.Str("name").Req(), P.Str("description"), P.Str("schema").Req(), P.Str("version").Req(),
            P.Enums("extension_types", ExtensionType).Req(), P.Strs("extension_properties"),
        ]) { CrossChecks = CrossPropertyRules.ExtensionDefinition };

        yield return new TypeRule("language-content", StixCategory.Meta,
        [
            P.Str("type").Req(), P.Str("spec_version").Req(), P.Ref("id", "language-content").Req(),
            P.Ref("created_by_ref", "identity"), P.Time("created").Req(), P.Time("modified").Req(), P.Bool("revoked"),
            P.Strs("labels"), P.Int("confidence").Range(0, 100),
            P.Of("external_references", PropertyKind.ExternalReferences),
            P.Refs("object_marking_refs", "marking-definition"), P.Of("granular_markings", PropertyKind.GranularMarkings),
            P.Of("extensions", PropertyKind.Extensions), P.Ref("object_ref", RefTarget.Any).Req(),
            P.Time("object_modified"), P.Dict("contents").Req(),
        ]) { CrossChecks = CrossPropertyRules.LanguageContent };

        // Bundle members are validated one by one by the validator itself.
        yield return new TypeRule("bundle", StixCategory.Bundle,
        [
            P.Str("type").Req(), P.Ref("id", "bundle").Req(), P.Objs("objects"),
        ]);
    }
}
