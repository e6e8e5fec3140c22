using System.Collections.Frozen;

namespace Riposte.Stix.Validation.Rules;

/// <summary>A named STIX vocabulary: open (<c>-ov</c>, other values are only a warning) or closed (<c>-enum</c>, other values are errors).</summary>
internal sealed class Vocabulary(string name, bool closed, params string[] values)
{
    public string Name { get; } = name;
    public bool Closed { get; } = closed;
    public FrozenSet<string> Values { get; } = values.ToFrozenSet(StringComparer.Ordinal);
    public IReadOnlyList<string> Ordered { get; } = values;
}
