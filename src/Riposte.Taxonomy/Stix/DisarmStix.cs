using System.Text.Json.Nodes;
using Riposte.Stix;

namespace Riposte.Taxonomy.Stix;

/// <summary>
/// The DISARM framework as STIX 2.1: DISARM's own bundle objects unchanged, plus what the bundle lacks — the Blue
/// counters as <c>course-of-action</c> objects and <c>mitigates</c> relationships for the counter→technique links that
/// are still valid. Ids are deterministic (UUIDv5), so rebuilding gives byte-identical objects and reloading adds nothing.
/// </summary>
public static class DisarmStix
{
    /// <summary>Riposte's UUIDv5 namespace for the objects it derives from DISARM. Never change it: ids would change.</summary>
    public static readonly Guid IdNamespace = new("ef250d15-f5e7-4930-9cc6-136c7cdc8e76");

    /// <summary>created/modified of derived objects: the date of the DISARM commit they are derived from.</summary>
    public const string DerivedTimestamp = "2025-02-10T00:00:00.000Z";

    public static string CourseOfActionId(string counterId) =>
        StixIds.Create("course-of-action", Uuid5.Create(IdNamespace, "course-of-action:" + counterId));

    public static string MitigatesId(string counterId, string techniqueId) =>
        StixIds.Create("relationship", Uuid5.Create(IdNamespace, $"mitigates:{counterId}:{techniqueId}"));

    /// <summary>Every object, referenced objects first (identity, marking, tactics, techniques, then counters and links).</summary>
    public static IReadOnlyList<StixObject> AllObjects(DisarmFramework framework)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["identity"] = 0, ["marking-definition"] = 1, ["x-mitre-tactic"] = 2, ["x-mitre-matrix"] = 3, ["attack-pattern"] = 4, ["relationship"] = 5,
        };
        var objects = framework.StixObjects.OrderBy(o => order.GetValueOrDefault(o.Type, 6)).ToList();
        objects.AddRange(CoursesOfAction(framework));
        objects.AddRange(MitigatesRelationships(framework));
        return objects;
    }

    public static IReadOnlyList<StixObject> CoursesOfAction(DisarmFramework framework)
    {
        var context = Context.For(framework);
        return [.. framework.Counters.Select(c => CourseOfAction(framework, context, c))];
    }

    /// <summary>One <c>mitigates</c> per distinct (counter, technique) whose technique id exists today; stale ids are skipped.</summary>
    public static IReadOnlyList<StixObject> MitigatesRelationships(DisarmFramework framework)
    {
        var context = Context.For(framework);
        var result = new List<StixObject>();
        foreach (var counter in framework.Counters)
        {
            foreach (var refs in counter.References.Where(r => r.IsValidTechniqueLink).GroupBy(r => r.RefId, StringComparer.Ordinal))
            {
                var technique = framework.FindTechnique(refs.Key)
                    ?? throw new DisarmDataException($"counter {counter.Id}: technique {refs.Key} is flagged current but is not in the framework");
                result.Add(Mitigates(context, counter, technique, [.. refs]));
            }
        }
        return result;
    }

    private static StixObject CourseOfAction(DisarmFramework framework, Context context, DisarmCounter counter)
    {
        var json = Common("course-of-action", CourseOfActionId(counter.Id), context);
        json["name"] = counter.Name;
        if (counter.Summary.Length > 0)
            json["description"] = counter.Summary;
        if (counter.Tags.Count > 0)
            json["labels"] = Array(counter.Tags);
        json["external_references"] = new JsonArray(new JsonObject
        {
            ["source_name"] = "DISARM",
            ["url"] = counter.Url,
            ["external_id"] = counter.Id,
        });
        json["object_marking_refs"] = new JsonArray(context.MarkingId);

        var tactic = framework.FindTactic(counter.TacticId)!;
        json["x_disarm_tactic_id"] = tactic.Id;
        json["x_disarm_tactic_name"] = tactic.Name;
        json["x_disarm_tactic_shortname"] = tactic.ShortName;
        if (counter.TacticLabelInSource.Length > 0)
            json["x_disarm_tactic_label_in_source"] = counter.TacticLabelInSource;
        if (counter.MetatechniqueIds.Count > 0)
        {
            json["x_disarm_metatechnique_ids"] = Array(counter.MetatechniqueIds);
            json["x_disarm_metatechnique_names"] = Array(counter.MetatechniqueIds.Select(id => framework.Find(id)!.Name));
        }
        if (counter.ResponseTypeId is { } responseType)
        {
            json["x_disarm_response_type_id"] = responseType;
            json["x_disarm_response_type_name"] = framework.Find(responseType)!.Name;
        }
        if (counter.ActorTypeIds.Count > 0)
            json["x_disarm_actor_type_ids"] = Array(counter.ActorTypeIds);
        json["x_disarm_caution"] = DisarmText.EthicsCaution;
        return new StixObject(json);
    }

    private static StixObject Mitigates(Context context, DisarmCounter counter, DisarmTechnique technique, IReadOnlyList<DisarmReference> refs)
    {
        var json = Common("relationship", MitigatesId(counter.Id, technique.Id), context);
        json["relationship_type"] = "mitigates";
        var namesMatch = refs.Any(r => r.NameMatchesCurrent == true);
        var sourceName = refs.Select(r => r.NameInSource).FirstOrDefault(n => n.Length > 0);
        if (!namesMatch && sourceName is not null)
        {
            json["description"] = $"DISARM Blue lists {counter.Id} against {technique.Id} under an older name, \"{sourceName}\"; " +
                $"the technique is now \"{technique.Name}\". Check that the counter still fits.";
        }
        json["source_ref"] = CourseOfActionId(counter.Id);
        json["target_ref"] = technique.StixId;
        json["object_marking_refs"] = new JsonArray(context.MarkingId);
        json["x_disarm_counter_id"] = counter.Id;
        json["x_disarm_technique_id"] = technique.Id;
        if (sourceName is not null)
            json["x_disarm_name_in_source"] = sourceName;
        json["x_disarm_name_matches_current"] = namesMatch;
        return new StixObject(json);
    }

    private static JsonObject Common(string type, string id, Context context) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created_by_ref"] = context.IdentityId,
        ["created"] = DerivedTimestamp,
        ["modified"] = DerivedTimestamp,
    };

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>The DISARM identity and licence marking, taken from DISARM's own bundle so derived objects share them.</summary>
    private sealed record Context(string IdentityId, string MarkingId)
    {
        public static Context For(DisarmFramework framework)
        {
            var identity = framework.StixObjects.SingleOrDefault(o => o.Type == "identity")
                ?? throw new DisarmDataException("DISARM.json: expected exactly one identity (the DISARM Foundation)");
            var marking = framework.StixObjects.SingleOrDefault(o => o.Type == "marking-definition")
                ?? throw new DisarmDataException("DISARM.json: expected exactly one marking-definition (the CC BY-SA statement)");
            return new Context(identity.Id, marking.Id);
        }
    }
}
