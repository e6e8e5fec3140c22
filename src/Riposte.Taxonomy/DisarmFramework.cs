using Riposte.Stix;

namespace Riposte.Taxonomy;

/// <summary>
/// The DISARM framework (Red techniques and Blue counters) as Riposte carries it: read-only, loaded once,
/// searchable by id, name and tactic. <see cref="Embedded"/> is the copy shipped in this assembly.
/// </summary>
public sealed class DisarmFramework
{
    private static readonly Lazy<DisarmFramework> EmbeddedFramework = new(() => Load(DisarmDataSource.Embedded));

    private readonly Dictionary<string, IDisarmItem> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(IDisarmItem Item, string Folded)> _names = [];
    private readonly ILookup<string, DisarmTechnique> _techniquesByTactic;
    private readonly ILookup<string, DisarmTechnique> _subtechniquesByParent;
    private readonly ILookup<string, DisarmCounter> _countersByTactic;
    private readonly ILookup<string, DisarmCounter> _countersByTechnique;

    internal DisarmFramework(
        string version,
        IReadOnlyList<DisarmPhase> phases,
        IReadOnlyList<DisarmTactic> tactics,
        IReadOnlyList<DisarmTechnique> techniques,
        IReadOnlyList<DisarmCounter> counters,
        IReadOnlyList<DisarmDetection> detections,
        IReadOnlyList<DisarmMetatechnique> metatechniques,
        IReadOnlyList<DisarmResponseType> responseTypes,
        IReadOnlyList<DisarmActorType> actorTypes,
        IReadOnlyList<StixObject> stixObjects)
    {
        Version = version;
        Phases = [.. phases.OrderBy(p => p.Rank)];
        Tactics = [.. tactics.OrderBy(t => t.Rank)];
        Techniques = techniques;
        Counters = counters;
        Detections = detections;
        Metatechniques = metatechniques;
        ResponseTypes = responseTypes;
        ActorTypes = actorTypes;
        StixObjects = stixObjects;

        IEnumerable<IDisarmItem> all = [.. Phases, .. Tactics, .. techniques, .. counters, .. detections, .. metatechniques, .. responseTypes, .. actorTypes];
        foreach (var item in all)
        {
            _byId.Add(item.Id, item);
            _names.Add((item, TextFold.Fold(item.Name)));
        }
        _techniquesByTactic = techniques.ToLookup(t => t.TacticId, StringComparer.OrdinalIgnoreCase);
        _subtechniquesByParent = techniques.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!, StringComparer.OrdinalIgnoreCase);
        _countersByTactic = counters.ToLookup(c => c.TacticId, StringComparer.OrdinalIgnoreCase);
        _countersByTechnique = counters
            .SelectMany(c => c.ValidTechniqueIds.Select(t => (Technique: t, Counter: c)))
            .ToLookup(x => x.Technique, x => x.Counter, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The framework shipped inside Riposte.Taxonomy (<see cref="DisarmText.Version"/>), loaded on first use.</summary>
    public static DisarmFramework Embedded => EmbeddedFramework.Value;

    /// <summary>Reads and cross-checks a DISARM export; throws <see cref="DisarmDataException"/> naming file and line on bad data.</summary>
    public static DisarmFramework Load(DisarmDataSource source) => DisarmFrameworkReader.Read(source);

    /// <summary>e.g. "DISARM Red V1.6 + Blue, commit 49df5f6".</summary>
    public string Version { get; }

    /// <summary>In rank order (Plan, Prepare, Execute, Assess).</summary>
    public IReadOnlyList<DisarmPhase> Phases { get; }

    /// <summary>In kill-chain (rank) order, which differs from id order.</summary>
    public IReadOnlyList<DisarmTactic> Tactics { get; }

    /// <summary>Techniques and sub-techniques in id order (T0097 &lt; T0097.100 &lt; T0100).</summary>
    public IReadOnlyList<DisarmTechnique> Techniques { get; }

    /// <summary>Blue counters. Wherever they are listed, show <see cref="DisarmText.EthicsCaution"/>.</summary>
    public IReadOnlyList<DisarmCounter> Counters { get; }

    public IReadOnlyList<DisarmDetection> Detections { get; }
    public IReadOnlyList<DisarmMetatechnique> Metatechniques { get; }
    public IReadOnlyList<DisarmResponseType> ResponseTypes { get; }
    public IReadOnlyList<DisarmActorType> ActorTypes { get; }

    /// <summary>DISARM's own STIX bundle objects, unchanged (attack-patterns, tactics, matrix, identity, marking, subtechnique-of).</summary>
    public IReadOnlyList<StixObject> StixObjects { get; }

    /// <summary>References from counters to technique ids that no longer exist (kept as history, never linked).</summary>
    public int StaleCounterReferenceCount => Counters.Sum(c => c.StaleReferences.Count());

    /// <summary>Any item by id, case-insensitive: <c>P01</c>, <c>TA05</c>, <c>T0049</c>, <c>T0049.003</c>, <c>C00006</c>, <c>F00001</c>, <c>M001</c>, <c>D01</c>, <c>A001</c>.</summary>
    public IDisarmItem? Find(string id) => _byId.GetValueOrDefault(id.Trim());

    public DisarmTactic? FindTactic(string id) => Find(id) as DisarmTactic;
    public DisarmTechnique? FindTechnique(string id) => Find(id) as DisarmTechnique;
    public DisarmCounter? FindCounter(string id) => Find(id) as DisarmCounter;
    public DisarmDetection? FindDetection(string id) => Find(id) as DisarmDetection;

    /// <summary>
    /// Items whose name contains <paramref name="text"/>, ignoring case, diacritics and quote styles. Best first:
    /// exact name, then names starting with the text, then a word starting with it, then anywhere; ties by kind and id.
    /// </summary>
    public IReadOnlyList<IDisarmItem> SearchByName(string text, params DisarmKind[] kinds)
    {
        var query = TextFold.Fold(text);
        if (query.Length == 0)
            return [];
        return _names
            .Where(n => kinds.Length == 0 || kinds.Contains(n.Item.Kind))
            .Select(n => (n.Item, Score: Score(n.Folded, query)))
            .Where(x => x.Score >= 0)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Item.Kind)
            .ThenBy(x => x.Item.Id, StringComparer.Ordinal)
            .Select(x => x.Item)
            .ToList();
    }

    /// <summary>Techniques of a tactic (by tactic id), sub-techniques included unless asked otherwise, in id order.</summary>
    public IReadOnlyList<DisarmTechnique> TechniquesOfTactic(string tacticId, bool includeSubtechniques = true) =>
        [.. _techniquesByTactic[tacticId.Trim()].Where(t => includeSubtechniques || !t.IsSubtechnique)];

    public IReadOnlyList<DisarmTechnique> SubtechniquesOf(string techniqueId) => [.. _subtechniquesByParent[techniqueId.Trim()]];

    /// <summary>Counters DISARM files under a tactic. Show <see cref="DisarmText.EthicsCaution"/> with them.</summary>
    public IReadOnlyList<DisarmCounter> CountersOfTactic(string tacticId) => [.. _countersByTactic[tacticId.Trim()]];

    /// <summary>Counters that name this technique id with a link that is still valid. Show <see cref="DisarmText.EthicsCaution"/> with them.</summary>
    public IReadOnlyList<DisarmCounter> CountersForTechnique(string techniqueId) => [.. _countersByTechnique[techniqueId.Trim()]];

    private static int Score(string name, string query)
    {
        var at = name.IndexOf(query, StringComparison.Ordinal);
        if (at < 0)
            return -1;
        if (name.Length == query.Length)
            return 0;
        if (at == 0)
            return 1;
        // A later occurrence may start a word even when the first does not.
        for (; at >= 0; at = name.IndexOf(query, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetterOrDigit(name[at - 1]))
                return 2;
        }
        return 3;
    }
}
