using Riposte.Incidents.Services;

namespace Riposte.Web.Ui.Views;

/// <summary>
/// The incident form as posted: text fields, lists as comma-separated text, times as
/// <c>datetime-local</c> values read as UTC. Converts to and from the service's <see cref="IncidentInput"/>.
/// </summary>
public sealed class IncidentForm
{
    public string? Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public string? Status { get; set; }
    public string? Subcategories { get; set; }
    public string? Tlp { get; set; }
    public string? FirstSeen { get; set; }
    public string? LastSeen { get; set; }
    public string? Platforms { get; set; }
    public string? TargetEvents { get; set; }
    public string? TargetSectors { get; set; }
    public string? Languages { get; set; }
    public string? Impact { get; set; }

    /// <summary>A DISARM technique to tag when the incident is created (optional).</summary>
    public string? Technique { get; set; }

    public static IncidentForm From(IncidentView view) => new()
    {
        Version = view.Version,
        Name = view.Name,
        Description = view.Description,
        Category = view.Category,
        Status = view.Status,
        Subcategories = FormText.Join(view.Subcategories),
        Tlp = view.Tlp,
        FirstSeen = FormText.LocalOf(view.FirstSeen),
        LastSeen = FormText.LocalOf(view.LastSeen),
        Platforms = FormText.Join(view.Platforms),
        TargetEvents = FormText.Join(view.TargetEvents),
        TargetSectors = FormText.Join(view.TargetSectors),
        Languages = FormText.Join(view.Languages),
        Impact = view.Impact,
    };

    /// <summary>
    /// The service input; times that cannot be read are reported here, at their field, before the service
    /// is asked. When <paramref name="editing"/>, an emptied date clears the stored one.
    /// </summary>
    public IncidentInput ToInput(Dictionary<string, string[]> errors, bool editing = false) => new()
    {
        Name = Name ?? "",
        Description = Description ?? "",
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category,
        Subcategories = FormText.List(Subcategories),
        Tlp = string.IsNullOrWhiteSpace(Tlp) ? null : Tlp,
        FirstSeen = FormText.Timestamp(errors, "firstSeen", FirstSeen, editing),
        LastSeen = FormText.Timestamp(errors, "lastSeen", LastSeen, editing),
        Platforms = FormText.List(Platforms),
        TargetEvents = FormText.List(TargetEvents),
        TargetSectors = FormText.List(TargetSectors),
        Languages = FormText.List(Languages),
        Impact = Impact ?? "",
    };
}
