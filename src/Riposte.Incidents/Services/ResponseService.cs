using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>A response as written; null on update means "leave as is".</summary>
public sealed record ResponseInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>One of <see cref="ResponseKinds.All"/>.</summary>
    public string? Kind { get; init; }

    /// <summary>DISARM counter ids (e.g. C00012) or course-of-action ids.</summary>
    public IReadOnlyList<string>? Counters { get; init; }
    public IReadOnlyList<string>? IncidentRefs { get; init; }

    /// <summary>The identity of the organisation that owns the response.</summary>
    public string? OwnerRef { get; init; }

    /// <summary>Identities of the members that join it (a coordinated response has several).</summary>
    public IReadOnlyList<string>? ParticipantRefs { get; init; }

    /// <summary>planned, in-progress, completed or cancelled.</summary>
    public string? Status { get; init; }
    /// <summary>RFC 3339 UTC timestamps; on update an empty string clears one.</summary>
    public string? StartTime { get; init; }
    public string? StopTime { get; init; }
    public string? Outcome { get; init; }
    public string? Tlp { get; init; }
}

/// <summary>
/// Responses: <c>x-riposte-response</c>, a new SDO rather than a <c>course-of-action</c>, because a
/// course-of-action is a recommended action while a response is one that members took, with an owner,
/// participants, dates and an outcome (see docs/incidents.md#response). DISARM counters it applies are
/// referenced by <c>counter_refs</c>.
/// </summary>
public sealed class ResponseService(ObjectWorkspace workspace)
{
    public const string Type = RiposteExtensions.ResponseType;
    private static readonly string[] IdentityTypes = ["identity"];
    private static readonly string[] IncidentTypes = [IncidentService.Type];

    public StixObject Create(Principal principal, ResponseInput input)
    {
        workspace.RequireWriter(principal, "record responses");
        var errors = new InputErrors();
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp ?? "amber");
        var builder = StixObjectBuilder.Create(Type, workspace.Clock);
        Apply(errors, builder, principal, input with { Status = input.Status ?? "planned" }, creating: true);
        errors.ThrowIfAny();
        builder.Set("object_marking_refs", new[] { marking! });
        builder.Extension(RiposteExtensions.ResponseId, RiposteExtensions.NewSdo);
        return workspace.Create(principal, builder, "recorded");
    }

    public StixObject Update(Principal principal, string id, string? expectedVersion, ResponseInput input)
    {
        workspace.Get(principal, id, Type);
        var errors = new InputErrors();
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp);
        Apply(errors, StixObjectBuilder.Create(Type, workspace.Clock), principal, input, creating: false);
        errors.ThrowIfAny();
        return workspace.Update(principal, id, Type, expectedVersion, "updated", (_, b) =>
        {
            Apply(new InputErrors(), b, principal, input, creating: false);
            if (marking is not null)
                b.Set("object_marking_refs", new[] { marking });
        });
    }

    /// <summary>A member joins a coordinated response.</summary>
    public StixObject AddParticipant(Principal principal, string id, string? expectedVersion, string participantRef)
    {
        var current = workspace.Get(principal, id, Type);
        var participants = current.GetStrings("participant_refs").Append(participantRef).Distinct(StringComparer.Ordinal).ToList();
        return Update(principal, id, expectedVersion, new ResponseInput { ParticipantRefs = participants });
    }

    public StixObject Get(Principal principal, string id) => workspace.Get(principal, id, Type);

    public IReadOnlyList<StixObject> List(Principal principal, string? incidentId, string? text, int limit = 100)
    {
        limit = Math.Clamp(limit, 1, 1000);
        bool Matches(StixObject o) => incidentId is null || o.GetStrings("incident_refs").Contains(incidentId);
        return string.IsNullOrWhiteSpace(text)
            ? workspace.List(principal, new StixQuery { Types = [Type] }, Matches, limit)
            : [.. workspace.Search(principal, text, [Type], limit).Where(Matches)];
    }

    public IReadOnlyList<EditRecord> History(Principal principal, string id) => workspace.History(principal, id, Type);

    private void Apply(InputErrors errors, StixObjectBuilder b, Principal principal, ResponseInput input, bool creating)
    {
        if (creating || input.Name is not null)
            b.Set("name", InputRules.Name(errors, "name", input.Name, required: true));
        if (input.Description is not null)
            b.Set("description", InputRules.Text(errors, "description", input.Description));
        if (creating || input.Kind is not null)
        {
            if (!ResponseKinds.All.Contains(input.Kind ?? ""))
                errors.Add("kind", $"'{input.Kind}' is not one of {string.Join(", ", ResponseKinds.All)}");
            b.Set("response_kind", input.Kind);
        }
        if (input.Counters is { } counters)
            SetList(b, "counter_refs", Counters(errors, principal, counters));
        if (input.IncidentRefs is { } incidents)
            SetList(b, "incident_refs", InputRules.Refs(errors, "incidentRefs", incidents, IncidentTypes, principal, workspace));
        if (creating || input.OwnerRef is not null)
            b.Set("owner_ref", InputRules.Ref(errors, "ownerRef", input.OwnerRef, IdentityTypes, principal, workspace, required: true));
        if (input.ParticipantRefs is { } participants)
            SetList(b, "participant_refs", InputRules.Refs(errors, "participantRefs", participants, IdentityTypes, principal, workspace));
        if (input.Status is not null)
        {
            if (!ResponseKinds.Statuses.Contains(input.Status))
                errors.Add("status", $"'{input.Status}' is not one of {string.Join(", ", ResponseKinds.Statuses)}");
            b.Set("status", input.Status);
        }
        // An empty time clears it (null leaves it as it is).
        if (input.StartTime is not null)
            SetOrRemove(b, "start_time", InputRules.ClearableTimestamp(errors, "startTime", input.StartTime));
        if (input.StopTime is not null)
            SetOrRemove(b, "stop_time", InputRules.ClearableTimestamp(errors, "stopTime", input.StopTime));
        if (input.StartTime is not null && input.StopTime is not null && StixTimestamp.TryParse(input.StartTime, out var start)
            && StixTimestamp.TryParse(input.StopTime, out var stop) && stop < start)
            errors.Add("stopTime", "must not be before startTime");
        if (input.Outcome is not null)
            b.Set("outcome", InputRules.Text(errors, "outcome", input.Outcome));
    }

    /// <summary>DISARM counter ids (C00012) become the course-of-action ids the taxonomy loaded.</summary>
    private IReadOnlyList<string> Counters(InputErrors errors, Principal principal, IReadOnlyList<string> counters)
    {
        var ids = new List<string>();
        for (var i = 0; i < counters.Count; i++)
        {
            var value = counters[i]?.Trim() ?? "";
            if (StixIds.IsOfType(value, "course-of-action") && workspace.TryGet(principal, value) is not null)
            {
                ids.Add(value);
                continue;
            }
            var found = workspace.Store.Query(new StixQuery { Types = ["course-of-action"], ExternalId = value, Limit = 1 })
                .Select(s => workspace.Gate.ForReader(principal, s.Object)).OfType<StixObject>().FirstOrDefault();
            if (found is null)
                errors.Add($"counters[{i}]", $"no DISARM counter (course-of-action) '{value}' in the store; ids look like C00012");
            else
                ids.Add(found.Id);
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    private static void SetOrRemove(StixObjectBuilder b, string property, string? value)
    {
        if (value is null)
            b.Remove(property);
        else
            b.Set(property, value);
    }

    private static void SetList(StixObjectBuilder b, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            b.Remove(property);
        else
            b.Set(property, values);
    }
}
