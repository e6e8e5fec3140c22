using Riposte.Access;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>A threat actor as written; null on update means "leave as is", an empty list clears.</summary>
public sealed record ThreatActorInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>STIX threat-actor-type-ov values or other lower-case words (e.g. nation-state, crime-syndicate).</summary>
    public IReadOnlyList<string>? Types { get; init; }
    public IReadOnlyList<string>? Aliases { get; init; }
    public string? Tlp { get; init; }
}

/// <summary>
/// Threat actors (STIX <c>threat-actor</c>) that incidents are attributed to. The attribution itself is
/// a relationship made by <see cref="IncidentService.LinkActor"/>, with its confidence and basis.
/// </summary>
public sealed class ThreatActorService(ObjectWorkspace workspace)
{
    public const string Type = "threat-actor";

    public StixObject Create(Principal principal, ThreatActorInput input)
    {
        workspace.RequireWriter(principal, "record threat actors");
        var errors = new InputErrors();
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp ?? "amber");
        var builder = StixObjectBuilder.Create(Type, workspace.Clock);
        Apply(errors, builder, input, creating: true);
        errors.ThrowIfAny();
        builder.Set("object_marking_refs", new[] { marking! });
        return workspace.Create(principal, builder, "recorded");
    }

    public StixObject Update(Principal principal, string id, string? expectedVersion, ThreatActorInput input)
    {
        workspace.Get(principal, id, Type);
        var errors = new InputErrors();
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp);
        Apply(errors, StixObjectBuilder.Create(Type, workspace.Clock), input, creating: false);
        errors.ThrowIfAny();
        return workspace.Update(principal, id, Type, expectedVersion, "updated", (_, b) =>
        {
            Apply(new InputErrors(), b, input, creating: false);
            if (marking is not null)
                b.Set("object_marking_refs", new[] { marking });
        });
    }

    public StixObject Get(Principal principal, string id) => workspace.Get(principal, id, Type);

    public IReadOnlyList<StixObject> List(Principal principal, int limit = 100) =>
        workspace.List(principal, new StixQuery { Types = [Type] }, limit: Math.Clamp(limit, 1, 1000));

    public IReadOnlyList<EditRecord> History(Principal principal, string id) => workspace.History(principal, id, Type);

    private static void Apply(InputErrors errors, StixObjectBuilder b, ThreatActorInput input, bool creating)
    {
        if (creating || input.Name is not null)
            b.Set("name", InputRules.Name(errors, "name", input.Name, required: true));
        if (input.Description is not null)
        {
            if (InputRules.Text(errors, "description", input.Description) is { } description)
                b.Set("description", description);
            else
                b.Remove("description");
        }
        if (input.Types is { } types)
            SetList(b, "threat_actor_types", InputRules.Words(errors, "types", types));
        if (input.Aliases is { } aliases)
            SetList(b, "aliases", InputRules.Strings(errors, "aliases", aliases));
    }

    private static void SetList(StixObjectBuilder b, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
            b.Remove(property);
        else
            b.Set(property, values);
    }
}
