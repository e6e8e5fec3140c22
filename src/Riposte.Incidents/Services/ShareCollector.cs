using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Services;

/// <summary>
/// What sharing a report puts into a collection: the report, what it references (and what those
/// reference, a few steps deep), the relationships of its incidents, and the definitions needed to
/// read them — each only when the sharer sees all of it and its TLP is no more restrictive than the
/// report's, so sharing never widens an object's audience.
/// </summary>
public sealed class ShareCollector(ObjectWorkspace workspace)
{
    private const int MaxDepth = 3;
    private const int MaxObjects = 10_000;

    // Reference data everyone needs to read the rest; shared even when unmarked.
    private static readonly HashSet<string> ReferenceTypes = new(StringComparer.Ordinal)
    {
        "attack-pattern", "course-of-action", "x-mitre-tactic", "marking-definition", "extension-definition",
    };

    public (IReadOnlyList<StixObject> Objects, IReadOnlyList<SkippedObject> Skipped) Collect(Principal principal, StixObject report)
    {
        var reportLevel = TlpMarkings.MostRestrictive(report.ObjectMarkingRefs) ?? TlpLevel.Amber;
        var objects = new List<StixObject>();
        var skipped = new List<SkippedObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { report.Id };
        var queue = new Queue<(string Id, int Depth)>();

        void Enqueue(string id, int depth)
        {
            if (StixIds.IsValid(id) && seen.Count < MaxObjects && seen.Add(id))
                queue.Enqueue((id, depth));
        }

        foreach (var definition in RiposteExtensions.Definitions())
            workspace.Store.Put([definition]);
        objects.Add(report);
        foreach (var id in References(report))
            Enqueue(id, 1);

        while (queue.Count > 0)
        {
            var (id, depth) = queue.Dequeue();
            var stored = workspace.Store.GetLatest(id)?.Object;
            if (stored is null)
            {
                skipped.Add(new SkippedObject(id, "not in this store"));
                continue;
            }
            if (Refusal(principal, stored, reportLevel) is { } reason)
            {
                skipped.Add(new SkippedObject(id, reason));
                continue;
            }
            objects.Add(stored);
            if (depth >= MaxDepth)
                continue;
            foreach (var next in References(stored))
                Enqueue(next, depth + 1);
            if (stored.Type is IncidentService.Type or RiposteExtensions.NarrativeType or RiposteExtensions.ChannelType)
            {
                foreach (var rel in workspace.Relationships(principal, stored.Id))
                    Enqueue(rel.Id, depth + 1);
            }
        }
        return (objects, skipped);
    }

    private string? Refusal(Principal principal, StixObject obj, TlpLevel reportLevel)
    {
        if (workspace.Gate.ForReader(principal, obj) is not { } visible || !ReferenceEquals(visible, obj))
            return "you do not see all of it";
        if (obj.Revoked)
            return "revoked";
        var level = TlpMarkings.MostRestrictive(obj.ObjectMarkingRefs);
        if (level is null)
            return ReferenceTypes.Contains(obj.Type) || obj.Type.EndsWith("-definition", StringComparison.Ordinal) ? null : "it has no TLP marking; mark it before sharing";
        if (level == TlpLevel.Red)
            return "TLP:RED is never put into a collection";
        return level > reportLevel ? $"TLP:{TlpMarkings.Tlp2Value(level.Value).ToUpperInvariant()} is more restrictive than the report's TLP:{TlpMarkings.Tlp2Value(reportLevel).ToUpperInvariant()}" : null;
    }

    /// <summary>Every id the object points at: <c>*_ref</c>/<c>*_refs</c> at the top level and inside extensions, markings included.</summary>
    private static IEnumerable<string> References(StixObject obj)
    {
        foreach (var id in ReferencesIn(obj.Json))
            yield return id;
        if (obj.Json["extensions"] is JsonObject extensions)
        {
            foreach (var (key, ext) in extensions)
            {
                yield return key;
                if (ext is JsonObject e)
                {
                    foreach (var id in ReferencesIn(e))
                        yield return id;
                }
            }
        }
    }

    private static IEnumerable<string> ReferencesIn(JsonObject json)
    {
        foreach (var (property, value) in json)
        {
            if (property.EndsWith("_ref", StringComparison.Ordinal) && value is JsonValue v && v.TryGetValue<string>(out var one))
                yield return one;
            else if (property.EndsWith("_refs", StringComparison.Ordinal) && value is JsonArray list)
            {
                foreach (var item in list)
                {
                    if (item is JsonValue iv && iv.TryGetValue<string>(out var each))
                        yield return each;
                }
            }
        }
    }
}
