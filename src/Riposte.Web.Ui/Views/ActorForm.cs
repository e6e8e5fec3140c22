using Riposte.Incidents.Services;
using Riposte.Stix;

namespace Riposte.Web.Ui.Views;

/// <summary>
/// The threat-actor form as posted. Opened from an incident, it also attributes the incident to the
/// actor (a new one, or <see cref="ExistingActor"/>) with a confidence and its basis.
/// </summary>
public sealed class ActorForm
{
    public string? Version { get; set; }
    public string? ExistingActor { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Types { get; set; }
    public string? Aliases { get; set; }
    public string? Tlp { get; set; }
    public string? Confidence { get; set; }
    public string? Basis { get; set; }

    public static ActorForm From(StixObject actor, string? tlp) => new()
    {
        Version = actor.Version?.Text,
        Name = actor.Name,
        Description = actor.Description,
        Types = FormText.Join(actor.GetStrings("threat_actor_types")),
        Aliases = FormText.Join(actor.GetStrings("aliases")),
        Tlp = tlp,
    };

    public ThreatActorInput ToInput() => new()
    {
        Name = Name ?? "",
        Description = Description ?? "",
        Types = FormText.List(Types),
        Aliases = FormText.List(Aliases),
        Tlp = FormText.Blank(Tlp),
    };

    /// <summary>
    /// The attribution's confidence and basis, checked before anything is stored (so a new actor is not
    /// recorded when its attribution would be refused).
    /// </summary>
    public (int Confidence, string Basis) Attribution(Dictionary<string, string[]> errors)
    {
        var confidence = FormText.Confidence(errors, "confidence", Confidence);
        if (confidence is null && !errors.ContainsKey("confidence"))
            errors["confidence"] = ["is required: how confident the attribution is, 0-100"];
        else if (confidence is < 0 or > 100)
            errors["confidence"] = [$"must be 0-100 (the STIX confidence scale), got {confidence}"];
        if (string.IsNullOrWhiteSpace(Basis))
            errors["basis"] = ["is required: the basis of the attribution assessment"];
        return (confidence ?? 0, Basis?.Trim() ?? "");
    }
}
