using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>Incidents: a STIX <c>incident</c> carrying the Riposte incident extension, edited through the access gate.</summary>
public sealed class IncidentService(ObjectWorkspace workspace)
{
    public const string Type = "incident";
    private static readonly string[] ActorTypes = ["threat-actor", "intrusion-set"];

    public StixObject Create(Principal principal, IncidentInput input)
    {
        workspace.RequireWriter(principal, "create incidents");
        var errors = new InputErrors();
        var name = InputRules.Name(errors, "name", input.Name, required: true);
        var description = InputRules.Text(errors, "description", input.Description);
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp ?? "amber");
        var details = IncidentEditor.Apply(new IncidentDetails(), input, errors, principal, workspace, creating: true);
        errors.ThrowIfAny();

        var builder = StixObjectBuilder.Create(Type, workspace.Clock).Set("name", name).Set("description", description);
        builder.Set("object_marking_refs", new[] { marking! });
        builder.Extension(RiposteExtensions.IncidentId, RiposteExtensions.PropertyExtension, StixJson.ToObject(details));
        return workspace.Create(principal, builder, "created");
    }

    public StixObject Get(Principal principal, string id) => workspace.Get(principal, id, Type);

    public IncidentView View(Principal principal, string id) => ViewOf(principal, Get(principal, id));

    public IncidentView ViewOf(Principal principal, StixObject incident) =>
        IncidentView.Of(incident, Techniques(principal, incident.Id), Actors(principal, incident.Id));

    public IReadOnlyList<StixObject> List(Principal principal, IncidentFilter filter)
    {
        var errors = new InputErrors();
        IncidentStatus? status = null;
        if (filter.Status is not null)
        {
            if (IncidentWorkflow.TryParse(filter.Status, out var s))
                status = s;
            else
                errors.Add("status", $"'{filter.Status}' is not one of {IncidentWorkflow.AllNames}");
        }
        ThreatCategory? category = null;
        if (filter.Category is not null)
        {
            if (ThreatCategories.TryParse(filter.Category, out var c))
                category = c;
            else
                errors.Add("category", $"'{filter.Category}' is not one of {ThreatCategories.AllNames}");
        }
        errors.ThrowIfAny();

        HashSet<string>? withTechnique = null;
        if (filter.Technique is { } technique)
        {
            withTechnique = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pattern in workspace.Store.Query(new StixQuery { Types = ["attack-pattern"], ExternalId = technique.Trim() }))
            {
                foreach (var rel in workspace.Relationships(principal, pattern.Object.Id, "uses"))
                {
                    if (rel.GetString("source_ref") is { } source && StixIds.IsOfType(source, Type))
                        withTechnique.Add(source);
                }
            }
        }

        bool Matches(StixObject o)
        {
            var d = DetailsOf(o);
            return (status is null || d.Status == status) && (category is null || d.Category == category)
                && (withTechnique is null || withTechnique.Contains(o.Id));
        }

        var limit = Math.Clamp(filter.Limit, 1, 1000);
        return string.IsNullOrWhiteSpace(filter.Text)
            ? workspace.List(principal, new StixQuery { Types = [Type] }, Matches, limit)
            : [.. workspace.Search(principal, filter.Text, [Type], limit).Where(Matches)];
    }

    public StixObject Update(Principal principal, string id, string? expectedVersion, IncidentInput input)
    {
        var errors = new InputErrors();
        var name = input.Name is null ? null : InputRules.Name(errors, "name", input.Name, required: true);
        var description = input.Description is null ? null : InputRules.Text(errors, "description", input.Description);
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp);
        var current = Get(principal, id);
        var details = IncidentEditor.Apply(DetailsOf(current), input, errors, principal, workspace, creating: false);
        errors.ThrowIfAny();
        return workspace.Update(principal, id, Type, expectedVersion, "updated", (_, b) =>
        {
            if (name is not null)
                b.Set("name", name);
            if (input.Description is not null)
                b.Set("description", description);
            if (marking is not null)
                b.Set("object_marking_refs", new[] { marking });
            WriteDetails(b, details);
        });
    }

    /// <summary>Moves the incident along the workflow; an illegal transition is refused with the allowed ones.</summary>
    public StixObject ChangeStatus(Principal principal, string id, string? expectedVersion, string newStatus, string? reason = null)
    {
        return workspace.Update(principal, id, Type, expectedVersion, reason is null ? $"status → {newStatus}" : $"status → {newStatus}: {reason}", (current, b) =>
        {
            var details = DetailsOf(current);
            WriteDetails(b, details with { Status = CheckMove(details.Status, newStatus) });
        });
    }

    /// <summary>The status <paramref name="newStatus"/> names when the workflow allows moving there from <paramref name="from"/>; otherwise a field error listing the allowed moves.</summary>
    /// <remarks>Public so a form that saves other fields first can refuse a bad move before it saves anything.</remarks>
    public static IncidentStatus CheckMove(IncidentStatus from, string newStatus)
    {
        if (!IncidentWorkflow.TryParse(newStatus, out var to))
            throw InputInvalidException.One("status", $"'{newStatus}' is not one of {IncidentWorkflow.AllNames}");
        if (!IncidentWorkflow.CanMove(from, to))
        {
            var next = IncidentWorkflow.NextOf(from);
            throw InputInvalidException.One("status", $"cannot move from {IncidentWorkflow.Name(from)} to {newStatus}; allowed: "
                + (next.Count == 0 ? "none (closed is final)" : string.Join(", ", next.Select(IncidentWorkflow.Name))));
        }
        return to;
    }

    /// <summary>Ticks (or unticks) one FIMI criterion with the rationale members will read and debate.</summary>
    public StixObject SetCriterion(Principal principal, string id, string? expectedVersion, string criterion, bool met, string rationale)
    {
        var errors = new InputErrors();
        if (!FimiCriteria.TryParse(criterion, out var parsed))
            errors.Add("criterion", $"'{criterion}' is not one of {FimiCriteria.AllNames}");
        if (string.IsNullOrWhiteSpace(rationale))
            errors.Add("rationale", "is required: say why, so members can see and debate the judgement");
        InputRules.Text(errors, "rationale", rationale);
        errors.ThrowIfAny();
        var name = FimiCriteria.Name(parsed);
        return workspace.Update(principal, id, Type, expectedVersion, $"criterion {name}: {(met ? "met" : "not met")}", (current, b) =>
        {
            var details = DetailsOf(current);
            var criteria = new Dictionary<string, CriterionJudgement>(details.Criteria, StringComparer.Ordinal)
            {
                [name] = new CriterionJudgement(met, rationale.Trim(), principal.UserId),
            };
            WriteDetails(b, details with { Criteria = criteria });
        });
    }

    /// <summary>Records a DISARM technique observed in the incident (found by DISARM id) with its evidence.</summary>
    public StixObject TagTechnique(Principal principal, string id, string disarmId, string? description, IReadOnlyList<EvidenceInput>? evidence)
    {
        var incident = Get(principal, id);
        var errors = new InputErrors();
        var items = InputRules.Evidence(errors, "evidence", evidence ?? []);
        var pattern = FindTechnique(principal, disarmId);
        if (pattern is null)
            errors.Add("technique", $"no DISARM technique '{disarmId}' in the store (ids look like T0049.003; load DISARM with 'riposte taxonomy load')");
        errors.ThrowIfAny();
        var existing = Relationships(principal, incident.Id, "uses").FirstOrDefault(r => r.GetString("target_ref") == pattern!.Id);
        if (existing is not null)
            throw InputInvalidException.One("technique", $"{disarmId} is already tagged on this incident ({existing.Id}); unlink it first to change its evidence");
        return workspace.Link(principal, incident.Id, "uses", pattern!.Id, description, evidence: items.Count == 0 ? null : EvidenceJson(items), markings: incident.ObjectMarkingRefs);
    }

    /// <summary>Attributes the incident to a threat actor or intrusion set, with confidence (0–100) and its basis.</summary>
    public StixObject LinkActor(Principal principal, string id, string actorId, int confidence, string basis)
    {
        var incident = Get(principal, id);
        var errors = new InputErrors();
        InputRules.Ref(errors, "actorRef", actorId, ActorTypes, principal, workspace, required: true);
        InputRules.Confidence(errors, "confidence", confidence);
        if (string.IsNullOrWhiteSpace(basis))
            errors.Add("basis", "is required: the basis of the attribution assessment");
        errors.ThrowIfAny();
        var extension = new JsonObject
        {
            ["attribution_basis"] = basis.Trim(),
            ["estimative_language"] = EstimativeLanguage.Wep(confidence),
        };
        return workspace.Link(principal, incident.Id, "attributed-to", actorId, basis.Trim(), confidence, extension, incident.ObjectMarkingRefs);
    }

    /// <summary>Removes a technique tag (revokes its <c>uses</c> relationship; the history keeps it).</summary>
    public StixObject UntagTechnique(Principal principal, string id, string disarmId, string? expectedVersion = null)
    {
        var incident = Get(principal, id);
        var use = Techniques(principal, incident.Id).FirstOrDefault(t => string.Equals(t.DisarmId, disarmId.Trim(), StringComparison.Ordinal) || t.AttackPatternId == disarmId.Trim())
            ?? throw InputInvalidException.One("technique", $"{disarmId} is not tagged on this incident");
        return workspace.Unlink(principal, use.RelationshipId, expectedVersion);
    }

    /// <summary>Withdraws an attribution (revokes its <c>attributed-to</c> relationship; the history keeps it).</summary>
    public StixObject UnlinkActor(Principal principal, string id, string actorId, string? expectedVersion = null)
    {
        var incident = Get(principal, id);
        var attribution = Actors(principal, incident.Id).FirstOrDefault(a => a.ActorId == actorId.Trim())
            ?? throw InputInvalidException.One("actorRef", $"this incident is not attributed to '{actorId}'");
        return workspace.Unlink(principal, attribution.RelationshipId, expectedVersion);
    }

    public IReadOnlyList<TechniqueUse> Techniques(Principal principal, string id) =>
        [.. Relationships(principal, id, "uses").Select(r =>
        {
            var target = r.GetString("target_ref") ?? "";
            var pattern = workspace.TryGet(principal, target);
            var evidence = StixJson.FromObject<EvidenceList>(RiposteExtensions.Read(r, RiposteExtensions.EvidenceId))?.Evidence ?? [];
            return new TechniqueUse(r.Id, target, pattern?.ExternalIds.FirstOrDefault(), pattern?.Name, r.Description, evidence);
        })];

    public IReadOnlyList<Attribution> Actors(Principal principal, string id) =>
        [.. Relationships(principal, id, "attributed-to").Select(r =>
        {
            var target = r.GetString("target_ref") ?? "";
            var actor = workspace.TryGet(principal, target);
            return new Attribution(r.Id, target, StixIds.TypeOf(target) ?? "", actor?.Name, r.Confidence,
                r.Confidence is { } c ? EstimativeLanguage.Describe(c) : null, r.Description);
        })];

    public IReadOnlyList<EditRecord> History(Principal principal, string id) => workspace.History(principal, id, Type);

    public StixObject? FindTechnique(Principal principal, string disarmId)
    {
        foreach (var stored in workspace.Store.Query(new StixQuery { Types = ["attack-pattern"], ExternalId = disarmId.Trim(), Limit = 5 }))
        {
            if (workspace.Gate.ForReader(principal, stored.Object) is { Revoked: false } visible)
                return visible;
        }
        return null;
    }

    public static IncidentDetails DetailsOf(StixObject incident) =>
        StixJson.FromObject<IncidentDetails>(RiposteExtensions.Read(incident, RiposteExtensions.IncidentId)) ?? new IncidentDetails();

    internal static void WriteDetails(StixObjectBuilder builder, IncidentDetails details) =>
        builder.Extension(RiposteExtensions.IncidentId, RiposteExtensions.PropertyExtension, StixJson.ToObject(details));

    internal static JsonObject EvidenceJson(IReadOnlyList<EvidenceItem> items) => StixJson.ToObject(new EvidenceList { Evidence = items });

    private IReadOnlyList<StixObject> Relationships(Principal principal, string id, string type) =>
        [.. workspace.Relationships(principal, id, type).Where(r => r.GetString("source_ref") == id)];

    private sealed record EvidenceList
    {
        public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    }
}
