namespace Riposte.Taxonomy;

public enum DisarmKind
{
    Phase,
    Tactic,
    Technique,
    Counter,
    Detection,
    Metatechnique,
    ResponseType,
    ActorType,
}

/// <summary>Anything in the DISARM framework that has an id (<c>TA05</c>, <c>T0049.003</c>, <c>C00006</c>...), a name and a summary.</summary>
public interface IDisarmItem
{
    string Id { get; }
    string Name { get; }
    string Summary { get; }
    DisarmKind Kind { get; }
}

/// <summary>Plan, Prepare, Execute, Assess.</summary>
public sealed record DisarmPhase(string Id, string Name, int Rank, string Summary, string Url) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.Phase;
}

/// <param name="Rank">Kill-chain display order (1..16), which differs from id order.</param>
/// <param name="ShortName">The STIX <c>x_mitre_shortname</c> (e.g. <c>plan-strategy</c>): the <c>phase_name</c> attack-patterns use.</param>
public sealed record DisarmTactic(
    string Id, string Name, string PhaseId, int Rank, string Summary, string StixId, string ShortName, string Url) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.Tactic;
}

/// <summary>A Red-framework technique or sub-technique. A sub-technique has its parent's tactic.</summary>
/// <param name="VersionNote">Upstream's change note, e.g. <c>New in V1.6</c>.</param>
public sealed record DisarmTechnique(
    string Id, string Name, string? ParentId, string TacticId, string Summary, string VersionNote, string StixId, string Url) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.Technique;
    public bool IsSubtechnique => ParentId is not null;
}

public enum DisarmReferenceKind
{
    Technique,
    Tactic,

    /// <summary>"All techniques" (detections only).</summary>
    All,

    /// <summary>Text upstream could not parse into an id (such as the typo <c>T00029</c>).</summary>
    Unparsed,
}

/// <summary>
/// One technique or tactic a Blue counter (or detection) names in DISARM's free-text column. Most are
/// 2019 AMITT-era ids: see <see cref="IsStale"/> and docs/disarm.md.
/// </summary>
/// <param name="NameMatchesCurrent">Null when the id does not exist now (nothing to compare).</param>
public sealed record DisarmReference(
    DisarmReferenceKind Kind, string RefId, string NameInSource, bool ExistsInCurrent, string? CurrentName, bool? NameMatchesCurrent)
{
    /// <summary>A technique id that exists in the current framework (DISARM's <c>ref_id_exists_in_current=true</c>).</summary>
    public bool IsValidTechniqueLink => Kind == DisarmReferenceKind.Technique && ExistsInCurrent;

    /// <summary>A reference to an id that no longer exists (or never parsed): kept as history, never linked.</summary>
    public bool IsStale => (Kind is DisarmReferenceKind.Technique or DisarmReferenceKind.Unparsed) && !ExistsInCurrent;
}

/// <summary>A Blue-framework counter (countermeasure). Show <see cref="DisarmText.EthicsCaution"/> wherever counters are listed.</summary>
/// <param name="TacticLabelInSource">The raw, often pre-V1 label such as <c>TA01 Strategic Planning</c>.</param>
public sealed record DisarmCounter(
    string Id,
    string Name,
    string Summary,
    string TacticId,
    string TacticLabelInSource,
    IReadOnlyList<string> MetatechniqueIds,
    string? ResponseTypeId,
    IReadOnlyList<string> ActorTypeIds,
    IReadOnlyList<string> Tags,
    IReadOnlyList<DisarmReference> References,
    string Url) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.Counter;

    /// <summary>Distinct current technique ids this counter names, in source order.</summary>
    public IReadOnlyList<string> ValidTechniqueIds =>
        References.Where(r => r.IsValidTechniqueLink).Select(r => r.RefId).Distinct(StringComparer.Ordinal).ToList();

    public IEnumerable<DisarmReference> StaleReferences => References.Where(r => r.IsStale);
}

/// <summary>A Blue-framework detection (F-number).</summary>
/// <param name="TacticId">Null for the 13 detections DISARM files under no tactic (or "ALL").</param>
public sealed record DisarmDetection(
    string Id,
    string Name,
    string Summary,
    string? TacticId,
    string TacticLabelInSource,
    string? ResponseTypeId,
    IReadOnlyList<string> ActorTypeIds,
    IReadOnlyList<string> Tags,
    IReadOnlyList<DisarmReference> References,
    string Url) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.Detection;

    public IReadOnlyList<string> ValidTechniqueIds =>
        References.Where(r => r.IsValidTechniqueLink).Select(r => r.RefId).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>A Blue-framework grouping of counters (Resilience, Friction, Removal...).</summary>
public sealed record DisarmMetatechnique(string Id, string Name, string Summary) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.Metatechnique;
}

/// <summary>D01 Detect ... D07 Deter.</summary>
public sealed record DisarmResponseType(string Id, string Name, string Summary) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.ResponseType;
}

/// <summary>Who can carry out a counter (e.g. <c>A007 factchecker</c>).</summary>
public sealed record DisarmActorType(
    string Id, string Name, string Summary, IReadOnlyList<string> SectorIds, IReadOnlyList<string> FrameworkIds) : IDisarmItem
{
    public DisarmKind Kind => DisarmKind.ActorType;
}
