namespace Riposte.Stix.Validation.Rules;

/// <summary>The common properties of STIX 2.1 section 3.2, per object category.</summary>
internal static class CommonProperties
{
    public static PropertyRule[] DomainOrRelationship(string type) =>
    [
        P.Str("type").Req(),
        P.Str("spec_version").Req(),
        P.Ref("id", type).Req(),
        P.Ref("created_by_ref", "identity"),
        P.Time("created").Req(),
        P.Time("modified").Req(),
        P.Bool("revoked"),
        P.Strs("labels"),
        P.Int("confidence").Range(0, 100),
        P.Of("lang", PropertyKind.LanguageTag),
        P.Of("external_references", PropertyKind.ExternalReferences),
        P.Refs("object_marking_refs", "marking-definition"),
        P.Of("granular_markings", PropertyKind.GranularMarkings),
        P.Of("extensions", PropertyKind.Extensions),
    ];

    public static PropertyRule[] Observable(string type) =>
    [
        P.Str("type").Req(),
        P.Str("spec_version"),
        P.Ref("id", type).Req(),
        P.Refs("object_marking_refs", "marking-definition"),
        P.Of("granular_markings", PropertyKind.GranularMarkings),
        P.Bool("defanged"),
        P.Of("extensions", PropertyKind.Extensions),
    ];

    /// <summary>Properties that SDOs and SROs must not use: the specification reserves them (section 3.1).</summary>
    public static readonly string[] Reserved = ["severity", "action", "username", "phone_numbers"];
}
