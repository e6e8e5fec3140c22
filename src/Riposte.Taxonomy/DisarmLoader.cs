using Riposte.Stix;
using Riposte.Stix.Validation;
using Riposte.Storage;
using Riposte.Taxonomy.Stix;

namespace Riposte.Taxonomy;

/// <summary>Puts the DISARM framework, as STIX, into a store. Idempotent: a second load reports everything unchanged.</summary>
public static class DisarmLoader
{
    /// <summary>
    /// Validates every object (<see cref="StixValidator"/>) and stores the valid ones in one batch. An invalid object is
    /// reported in <see cref="DisarmLoadSummary.Rejected"/> with its issues and does not stop the rest.
    /// </summary>
    public static DisarmLoadSummary LoadInto(IStixStore store, DisarmFramework? framework = null, string? collectionId = null)
    {
        framework ??= DisarmFramework.Embedded;
        var objects = DisarmStix.AllObjects(framework);

        var valid = new List<StixObject>(objects.Count);
        var rejected = new List<DisarmRejectedObject>();
        foreach (var obj in objects)
        {
            var result = StixValidator.Validate(obj);
            if (result.IsValid)
                valid.Add(obj);
            else
                rejected.Add(new DisarmRejectedObject(obj.Id, [.. result.Errors]));
        }

        var outcomes = store.Put(valid, collectionId);
        var conflicts = new List<string>();
        int added = 0, unchanged = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            switch (outcomes[i])
            {
                case WriteOutcome.Added: added++; break;
                case WriteOutcome.Unchanged: unchanged++; break;
                default: conflicts.Add(valid[i].Id); break;
            }
        }

        var byType = objects.GroupBy(o => o.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var references = framework.Counters.SelectMany(c => c.References).ToList();
        return new DisarmLoadSummary(
            framework.Version,
            added,
            unchanged,
            conflicts,
            rejected,
            byType,
            MitigatesLinks: objects.Count(o => o.Type == "relationship" && o.GetString("relationship_type") == "mitigates"),
            StaleCounterLinksSkipped: references.Count(r => r.IsStale),
            RenamedCounterLinks: references.Count(r => r.IsValidTechniqueLink && r.NameMatchesCurrent == false));
    }
}

/// <param name="Conflicts">Ids already stored at the same version with other content (the stored one stands).</param>
/// <param name="ByType">How many objects of each STIX type the framework produced.</param>
/// <param name="StaleCounterLinksSkipped">Counter→technique references to ids that no longer exist (not linked).</param>
/// <param name="RenamedCounterLinks">Linked references whose technique had another name in the source (linked, flagged).</param>
public sealed record DisarmLoadSummary(
    string Version,
    int Added,
    int Unchanged,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<DisarmRejectedObject> Rejected,
    IReadOnlyDictionary<string, int> ByType,
    int MitigatesLinks,
    int StaleCounterLinksSkipped,
    int RenamedCounterLinks)
{
    public int Total => ByType.Values.Sum();

    public override string ToString() =>
        $"{Version}: {Total} objects, {Added} added, {Unchanged} unchanged, {Conflicts.Count} conflicts, {Rejected.Count} rejected; " +
        $"{MitigatesLinks} mitigates links, {StaleCounterLinksSkipped} stale counter links skipped";
}

/// <summary>An object the validator refused, with why.</summary>
public sealed record DisarmRejectedObject(string Id, IReadOnlyList<StixIssue> Issues);
