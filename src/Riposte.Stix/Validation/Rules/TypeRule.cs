using System.Collections.Frozen;

namespace Riposte.Stix.Validation.Rules;

/// <summary>The property table of one STIX type plus the rules that span several of its properties.</summary>
internal sealed record TypeRule
{
    public TypeRule(string type, StixCategory category, IEnumerable<PropertyRule> properties)
    {
        Type = type;
        Category = category;
        var all = properties.ToArray();
        Properties = all.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        Required = all.Where(p => p.Required).Select(p => p.Name).ToArray();
    }

    public string Type { get; }
    public StixCategory Category { get; }
    public FrozenDictionary<string, PropertyRule> Properties { get; }
    public string[] Required { get; }

    /// <summary>Pairs (earlier, later) where later must not precede earlier; Strict means later must be after.</summary>
    public (string Earlier, string Later, bool Strict)[] Orderings { get; init; } = [];

    /// <summary>Extension names the specification predefines for this type (e.g. file's <c>archive-ext</c>).</summary>
    public FrozenSet<string> PredefinedExtensions { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Rules that need several properties at once (e.g. location needs region, country or latitude+longitude).</summary>
    public Action<ObjectScope>? CrossChecks { get; init; }
}
