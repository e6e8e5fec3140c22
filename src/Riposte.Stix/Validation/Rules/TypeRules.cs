using System.Collections.Frozen;

namespace Riposte.Stix.Validation.Rules;

/// <summary>Every type's table, looked up once per object.</summary>
internal static class TypeRules
{
    public static readonly FrozenDictionary<string, TypeRule> ByType =
        DomainObjectRules.All().Concat(ObservableRules.All()).Concat(MetaRules.All())
            .ToFrozenDictionary(r => r.Type, StringComparer.Ordinal);

    /// <summary>Common properties for objects of an unknown type, by the category their extension declares.</summary>
    public static readonly TypeRule CustomDomain = new("", StixCategory.Domain, CommonProperties.DomainOrRelationship("x"));
    public static readonly TypeRule CustomObservable = new("", StixCategory.CyberObservable, CommonProperties.Observable("x"));
}
