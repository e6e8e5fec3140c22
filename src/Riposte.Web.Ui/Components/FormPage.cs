using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Riposte.Incidents.Services;
using Riposte.Web.Ui.Views;

namespace Riposte.Web.Ui.Components;

/// <summary>
/// A page with a create/edit form posted back to itself: field errors from the form and from the
/// service (keyed by form field), a message for the whole form, and the HTTP status a refusal answers
/// with (422 invalid, 409 stale, 403 not allowed, 404 not found or not visible).
/// </summary>
public abstract class FormPage : UiPage
{
    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>Messages per form field (<c>name</c>, <c>startTime</c>…), as <see cref="Shared.FieldError"/> shows them.</summary>
    protected Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A message about the whole form (stale version, not allowed).</summary>
    protected string? FormError { get; set; }

    protected bool NotFound { get; set; }

    /// <summary>
    /// Saves through <paramref name="save"/> (which returns where to go next) unless the form already
    /// found errors. A stale version keeps everything the user typed and moves the form to the latest
    /// version through <paramref name="onStale"/>, so saving again replaces it knowingly.
    /// </summary>
    protected void Submit(Func<string> save, Action<string> onStale)
    {
        if (NotFound)
            return;
        if (Errors.Count > 0)
        {
            Refuse(StatusCodes.Status422UnprocessableEntity);
            return;
        }
        string next;
        try
        {
            next = save();
        }
        catch (InputInvalidException e)
        {
            foreach (var (key, messages) in e.Errors)
                Errors[FormText.FieldOf(key)] = [.. Errors.GetValueOrDefault(FormText.FieldOf(key), []), .. messages];
            Refuse(StatusCodes.Status422UnprocessableEntity);
            return;
        }
        catch (StaleVersionException e)
        {
            FormError = e.Message + ". Your changes are kept below: save again to put them over that version, or cancel to read it first.";
            onStale(e.CurrentVersion);
            Refuse(StatusCodes.Status409Conflict);
            return;
        }
        catch (ForbiddenException e)
        {
            FormError = e.Message;
            Refuse(StatusCodes.Status403Forbidden);
            return;
        }
        catch (VersionRequiredException e)
        {
            // Only a hand-made post lacks the form's hidden version.
            FormError = e.Message;
            Refuse(StatusCodes.Status400BadRequest);
            return;
        }
        catch (ObjectNotFoundException)
        {
            NotFound = true;
            RespondNotFound();
            return;
        }
        Navigation.NavigateTo(next);
    }

    /// <summary>Runs a load that may not find the object (or find one the user may not see): then the page is a 404.</summary>
    protected void Load(Action load)
    {
        try
        {
            load();
        }
        catch (ObjectNotFoundException)
        {
            NotFound = true;
            RespondNotFound();
        }
    }

    protected string? Invalid(string field) => Errors.ContainsKey(field) ? "true" : null;

    protected string? Described(string field) => Errors.ContainsKey(field) ? $"i-{field}-error" : null;

    /// <summary>Where to return after saving: the incident the form was opened from, when it is an incident id.</summary>
    protected static string? IncidentPath(string? incidentId) =>
        incidentId is not null && Riposte.Stix.StixIds.IsOfType(incidentId, IncidentService.Type) ? $"incidents/{incidentId}" : null;
}
