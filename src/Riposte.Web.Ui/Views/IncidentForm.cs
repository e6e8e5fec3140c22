using System.Globalization;
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
        Subcategories = string.Join(", ", view.Subcategories),
        Tlp = view.Tlp,
        FirstSeen = LocalOf(view.FirstSeen),
        LastSeen = LocalOf(view.LastSeen),
        Platforms = string.Join(", ", view.Platforms),
        TargetEvents = string.Join(", ", view.TargetEvents),
        TargetSectors = string.Join(", ", view.TargetSectors),
        Languages = string.Join(", ", view.Languages),
        Impact = view.Impact,
    };

    /// <summary>The service input; times that cannot be read are reported here, at their field, before the service is asked.</summary>
    public IncidentInput ToInput(Dictionary<string, string[]> errors) => new()
    {
        Name = Name ?? "",
        Description = Description ?? "",
        Category = string.IsNullOrWhiteSpace(Category) ? null : Category,
        Subcategories = List(Subcategories),
        Tlp = string.IsNullOrWhiteSpace(Tlp) ? null : Tlp,
        FirstSeen = Timestamp(errors, "firstSeen", FirstSeen),
        LastSeen = Timestamp(errors, "lastSeen", LastSeen),
        Platforms = List(Platforms),
        TargetEvents = List(TargetEvents),
        TargetSectors = List(TargetSectors),
        Languages = List(Languages),
        Impact = Impact ?? "",
    };

    /// <summary>The form field an error key belongs to: <c>platforms[1]</c> → <c>platforms</c>.</summary>
    public static string FieldOf(string key)
    {
        var end = key.IndexOfAny(['[', '.']);
        return end < 0 ? key : key[..end];
    }

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Timestamp(Dictionary<string, string[]> errors, string field, string? local)
    {
        if (string.IsNullOrWhiteSpace(local))
            return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(local.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        errors[field] = [$"'{local}' is not a date and time (yyyy-MM-ddTHH:mm, UTC)"];
        return null;
    }

    private static string? LocalOf(string? timestamp) => timestamp is { Length: >= 16 } ? timestamp[..16] : null;
}
