namespace Riposte.Stix.Validation.Rules;

/// <summary>One property of a STIX type: its data type and constraints (one row of a spec property table).</summary>
internal sealed record PropertyRule(string Name, PropertyKind Kind)
{
    public bool Required { get; init; }
    public Vocabulary? Vocabulary { get; init; }
    public RefTarget? Target { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>Deprecated by the specification: allowed, with a warning.</summary>
    public string? DeprecatedNote { get; init; }

    public PropertyRule Req() => this with { Required = true };
    public PropertyRule Range(double min, double max) => this with { Min = min, Max = max };
    public PropertyRule AtLeast(double min) => this with { Min = min };
    public PropertyRule Deprecated(string note) => this with { DeprecatedNote = note };
}

/// <summary>Short factory names so each type's table reads like the spec's.</summary>
internal static class P
{
    public static PropertyRule Str(string name) => new(name, PropertyKind.String);
    public static PropertyRule Bool(string name) => new(name, PropertyKind.Boolean);
    public static PropertyRule Int(string name) => new(name, PropertyKind.Integer);
    public static PropertyRule Float(string name) => new(name, PropertyKind.Number);
    public static PropertyRule Time(string name) => new(name, PropertyKind.Timestamp);
    public static PropertyRule Ref(string name, RefTarget target) => new(name, PropertyKind.Identifier) { Target = target };
    public static PropertyRule Ref(string name, params string[] types) => Ref(name, RefTarget.Of(types));
    public static PropertyRule Refs(string name, RefTarget target) => new(name, PropertyKind.IdentifierList) { Target = target };
    public static PropertyRule Refs(string name, params string[] types) => Refs(name, RefTarget.Of(types));
    public static PropertyRule Strs(string name) => new(name, PropertyKind.StringList);
    public static PropertyRule Ov(string name, Vocabulary vocabulary) => new(name, PropertyKind.OpenVocab) { Vocabulary = vocabulary };
    public static PropertyRule Ovs(string name, Vocabulary vocabulary) => new(name, PropertyKind.OpenVocabList) { Vocabulary = vocabulary };
    public static PropertyRule Enum(string name, Vocabulary vocabulary) => new(name, PropertyKind.Enum) { Vocabulary = vocabulary };
    public static PropertyRule Enums(string name, Vocabulary vocabulary) => new(name, PropertyKind.EnumList) { Vocabulary = vocabulary };
    public static PropertyRule Dict(string name) => new(name, PropertyKind.Dictionary);
    public static PropertyRule Hashes(string name = "hashes") => new(name, PropertyKind.Hashes);
    public static PropertyRule KillChain(string name = "kill_chain_phases") => new(name, PropertyKind.KillChainPhases);
    public static PropertyRule Binary(string name) => new(name, PropertyKind.Binary);
    public static PropertyRule Hex(string name) => new(name, PropertyKind.Hex);
    public static PropertyRule Obj(string name) => new(name, PropertyKind.Object);
    public static PropertyRule Objs(string name) => new(name, PropertyKind.ObjectList);
    public static PropertyRule Url(string name) => new(name, PropertyKind.Url);
    public static PropertyRule Of(string name, PropertyKind kind) => new(name, kind);
}
