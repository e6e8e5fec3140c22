using Riposte.Incidents.Services;
using Riposte.Stix;

namespace Riposte.Web.Ui.Views;

/// <summary>The response form as posted; converts to and from <see cref="ResponseInput"/>.</summary>
public sealed class ResponseForm
{
    public string? Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Kind { get; set; }
    public string? Status { get; set; }
    public string? OwnerRef { get; set; }
    public string? IncidentRefs { get; set; }

    /// <summary>DISARM counter ids (C00012), comma-separated.</summary>
    public string? Counters { get; set; }
    public string? StartTime { get; set; }
    public string? StopTime { get; set; }
    public string? Outcome { get; set; }
    public string? Tlp { get; set; }

    /// <summary>The form for a response; <paramref name="counterId"/> names a counter_ref by its DISARM id where the reader may see it.</summary>
    public static ResponseForm From(StixObject response, string? tlp, Func<string, string> counterId) => new()
    {
        Version = response.Version?.Text,
        Name = response.Name,
        Description = response.Description,
        Kind = response.GetString("response_kind"),
        Status = response.GetString("status"),
        OwnerRef = response.GetString("owner_ref"),
        IncidentRefs = FormText.Join(response.GetStrings("incident_refs")),
        Counters = FormText.Join(response.GetStrings("counter_refs").Select(counterId)),
        StartTime = FormText.LocalOf(response.GetString("start_time")),
        StopTime = FormText.LocalOf(response.GetString("stop_time")),
        Outcome = response.GetString("outcome"),
        Tlp = tlp,
    };

    /// <summary>The service input; on an edit form an emptied time clears the stored one and emptied text removes it.</summary>
    public ResponseInput ToInput(Dictionary<string, string[]> errors, bool editing) => new()
    {
        Name = Name ?? "",
        Description = Description ?? "",
        Kind = FormText.Blank(Kind),
        Status = FormText.Blank(Status),
        OwnerRef = Editing(OwnerRef, editing),
        IncidentRefs = FormText.List(IncidentRefs),
        Counters = FormText.List(Counters),
        StartTime = FormText.Timestamp(errors, "startTime", StartTime, editing),
        StopTime = FormText.Timestamp(errors, "stopTime", StopTime, editing),
        Outcome = Outcome ?? "",
        Tlp = FormText.Blank(Tlp),
    };

    // The owner is required: blank on create is the service's "is required"; on edit it is left as it is.
    private static string? Editing(string? value, bool editing) => editing ? FormText.Blank(value) : value ?? "";
}
