namespace Riposte.Stix.Validation.Rules;

/// <summary>The STIX data type of a property (STIX 2.1 section 2), which decides how its value is checked.</summary>
internal enum PropertyKind
{
    String,
    Boolean,
    Integer,
    Number,
    Timestamp,
    Identifier,
    IdentifierList,
    StringList,
    OpenVocab,
    OpenVocabList,
    Enum,
    EnumList,
    Dictionary,
    Hashes,
    KillChainPhases,
    ExternalReferences,
    GranularMarkings,
    Extensions,
    Binary,
    Hex,
    Object,
    ObjectList,
    Url,
    Ipv4,
    Ipv6,
    MacAddress,
    EmailAddress,
    LanguageTag,
}
