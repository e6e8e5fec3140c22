using static Riposte.Stix.Validation.Rules.Vocabularies;

namespace Riposte.Stix.Validation.Rules;

/// <summary>The property tables of the STIX Domain Objects (STIX 2.1 section 4).</summary>
internal static class DomainObjectRules
{
    private static readonly (string, string, bool)[] FirstLastSeen = [("first_seen", "last_seen", false)];

    public static IEnumerable<TypeRule> All()
    {
        yield return Sdo("attack-pattern", P.Str("name").Req(), P.Str("description"), P.Strs("aliases"), P.KillChain());
        yield return Sdo("campaign", P.Str("name").Req(), P.Str("description"), P.Strs("aliases"),
            P.Time("first_seen"), P.Time("last_seen"), P.Str("objective")) with { Orderings = FirstLastSeen };
        yield return Sdo("course-of-action", P.Str("name").Req(), P.Str("description"));
        yield return Sdo("grouping", P.Str("name"), P.Str("description"), P.Ov("context", GroupingContext).Req(),
            P.Refs("object_refs", RefTarget.Any).Req());
        yield return Sdo("identity", P.Str("name").Req(), P.Str("description"), P.Strs("roles"),
            P.Ov("identity_class", IdentityClass), P.Ovs("sectors", IndustrySector), P.Str("contact_information"));
        yield return Sdo("incident", P.Str("name").Req(), P.Str("description"), P.KillChain());
        yield return Sdo("indicator", P.Str("name"), P.Str("description"), P.Ovs("indicator_types", IndicatorType),
            P.Str("pattern").Req(), P.Ov("pattern_type", PatternType).Req(), P.Str("pattern_version"),
            P.Time("valid_from").Req(), P.Time("valid_until"), P.KillChain()) with { Orderings = [("valid_from", "valid_until", true)] };
        yield return Sdo("infrastructure", P.Str("name").Req(), P.Str("description"),
            P.Ovs("infrastructure_types", InfrastructureType), P.Strs("aliases"), P.KillChain(),
            P.Time("first_seen"), P.Time("last_seen")) with { Orderings = FirstLastSeen };
        yield return Sdo("intrusion-set", P.Str("name").Req(), P.Str("description"), P.Strs("aliases"),
            P.Time("first_seen"), P.Time("last_seen"), P.Strs("goals"), P.Ov("resource_level", AttackResourceLevel),
            P.Ov("primary_motivation", AttackMotivation), P.Ovs("secondary_motivations", AttackMotivation)) with { Orderings = FirstLastSeen };
        yield return Sdo("location", P.Str("name"), P.Str("description"), P.Float("latitude").Range(-90, 90),
            P.Float("longitude").Range(-180, 180), P.Float("precision").AtLeast(0), P.Ov("region", Region),
            P.Str("country"), P.Str("administrative_area"), P.Str("city"), P.Str("street_address"),
            P.Str("postal_code")) with { CrossChecks = CrossPropertyRules.Location };
        yield return Sdo("malware", P.Str("name"), P.Str("description"), P.Ovs("malware_types", MalwareType),
            P.Bool("is_family").Req(), P.Strs("aliases"), P.KillChain(), P.Time("first_seen"), P.Time("last_seen"),
            P.Refs("operating_system_refs", "software"), P.Ovs("architecture_execution_envs", ProcessorArchitecture),
            P.Ovs("implementation_languages", ImplementationLanguage), P.Ovs("capabilities", MalwareCapabilities),
            P.Refs("sample_refs", "file", "artifact")) with { Orderings = FirstLastSeen, CrossChecks = CrossPropertyRules.Malware };
        yield return Sdo("malware-analysis", P.Str("product").Req(), P.Str("version"), P.Ref("host_vm_ref", "software"),
            P.Ref("operating_system_ref", "software"), P.Refs("installed_software_refs", "software"),
            P.Str("configuration_version"), P.Strs("modules"), P.Str("analysis_engine_version"),
            P.Str("analysis_definition_version"), P.Time("submitted"), P.Time("analysis_started"),
            P.Time("analysis_ended"), P.Str("result_name"), P.Ov("result", MalwareResult),
            P.Refs("analysis_sco_refs", RefTarget.Sco), P.Ref("sample_ref", "file", "network-traffic", "artifact"))
            with { Orderings = [("analysis_started", "analysis_ended", false)], CrossChecks = CrossPropertyRules.MalwareAnalysis };
        yield return Sdo("note", P.Str("abstract"), P.Str("content").Req(), P.Strs("authors"),
            P.Refs("object_refs", RefTarget.Any).Req());
        yield return Sdo("observed-data", P.Time("first_observed").Req(), P.Time("last_observed").Req(),
            P.Int("number_observed").Req().Range(1, 999_999_999),
            P.Dict("objects").Deprecated("observed-data 'objects' is deprecated since STIX 2.1: use object_refs"),
            P.Refs("object_refs", RefTarget.ScoOrSro))
            with { Orderings = [("first_observed", "last_observed", false)], CrossChecks = CrossPropertyRules.ObservedData };
        yield return Sdo("opinion", P.Str("explanation"), P.Strs("authors"), P.Enum("opinion", Opinion).Req(),
            P.Refs("object_refs", RefTarget.Any).Req());
        yield return Sdo("report", P.Str("name").Req(), P.Str("description"), P.Ovs("report_types", ReportType),
            P.Time("published").Req(), P.Refs("object_refs", RefTarget.Any).Req());
        yield return Sdo("threat-actor", P.Str("name").Req(), P.Str("description"), P.Ovs("threat_actor_types", ThreatActorType),
            P.Strs("aliases"), P.Time("first_seen"), P.Time("last_seen"), P.Ovs("roles", ThreatActorRole), P.Strs("goals"),
            P.Ov("sophistication", ThreatActorSophistication), P.Ov("resource_level", AttackResourceLevel),
            P.Ov("primary_motivation", AttackMotivation), P.Ovs("secondary_motivations", AttackMotivation),
            P.Ovs("personal_motivations", AttackMotivation)) with { Orderings = FirstLastSeen };
        yield return Sdo("tool", P.Str("name").Req(), P.Str("description"), P.Ovs("tool_types", ToolType), P.Strs("aliases"),
            P.KillChain(), P.Str("tool_version"));
        yield return Sdo("vulnerability", P.Str("name").Req(), P.Str("description"));
    }

    private static TypeRule Sdo(string type, params PropertyRule[] properties) =>
        new(type, StixCategory.Domain, [.. CommonProperties.DomainOrRelationship(type), .. properties]);
}
