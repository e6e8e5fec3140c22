using System.Collections.Frozen;

namespace Riposte.Stix.Validation.Rules;

/// <summary>Which object types a reference property may point at.</summary>
internal sealed class RefTarget
{
    private readonly FrozenSet<string> types;
    private readonly bool anyDomain;
    private readonly bool anyObservable;
    private readonly bool anyType;
    private readonly bool customTypes;

    private RefTarget(string description, string[] types, bool anyDomain = false, bool anyObservable = false, bool anyType = false, bool customTypes = false)
    {
        Description = description;
        this.types = types.ToFrozenSet(StringComparer.Ordinal);
        this.anyDomain = anyDomain;
        this.anyObservable = anyObservable;
        this.anyType = anyType;
        this.customTypes = customTypes;
    }

    public string Description { get; }

    /// <summary>Any STIX object.</summary>
    public static readonly RefTarget Any = new("any STIX object", [], anyType: true);

    /// <summary>An SDO (including custom/extension-defined object types, which cannot be told apart here).</summary>
    public static readonly RefTarget Sdo = new("an SDO", [], anyDomain: true, customTypes: true);

    /// <summary>An SCO (including custom/extension-defined observable types).</summary>
    public static readonly RefTarget Sco = new("an SCO", [], anyObservable: true, customTypes: true);

    /// <summary>An SDO or SCO, never an SRO, bundle, marking, language content or extension definition (relationship ends).</summary>
    public static readonly RefTarget SdoOrSco = new("an SDO or SCO", [], anyDomain: true, anyObservable: true, customTypes: true);

    /// <summary>SCOs and SROs (observed-data object_refs).</summary>
    public static readonly RefTarget ScoOrSro = new("an SCO or SRO", ["relationship", "sighting"], anyObservable: true, customTypes: true);

    public static RefTarget Of(params string[] types) => new(types.Length == 1 ? types[0] : "one of " + string.Join(", ", types), types);

    public bool Allows(ReadOnlySpan<char> type)
    {
        if (anyType)
            return true;
        var lookup = types.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(type))
            return true;
        if (!anyDomain && !anyObservable && !customTypes)
            return false;
        var category = StixTypes.CategoryOf(type);
        return category switch
        {
            StixCategory.Domain => anyDomain,
            StixCategory.CyberObservable => anyObservable,
            StixCategory.Unknown => customTypes,
            _ => false,
        };
    }
}
