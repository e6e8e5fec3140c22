using Microsoft.AspNetCore.Http;

namespace Riposte.Web.Ui.Components.Admin;

/// <summary>
/// An admin page: runs one change through an access service and turns what the service refuses into
/// messages at the field (422), a duplicate (409), something unknown (404) or a refusal (403). Forms are
/// checked completely before the service is asked, and each change is one service call, so a refused
/// form writes nothing.
/// </summary>
public abstract class AdminPage : UiPage
{
    /// <summary>Messages per input id (<c>{form}-{field}</c>), shown at the field by <c>FieldError</c>.</summary>
    protected Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A message about the whole form (shown above the forms, <c>role=alert</c>).</summary>
    protected string? FormError { get; set; }

    /// <summary>What the last change did (shown as <c>role=status</c>).</summary>
    protected string? Done { get; set; }

    private const string NothingSaved = "Nothing was saved: fix the fields marked below.";

    protected void FieldError(string inputId, string message) =>
        Errors[inputId] = [.. Errors.GetValueOrDefault(inputId, []), message];

    /// <summary>
    /// Runs <paramref name="change"/> (which returns what it did) unless the form already has errors. <paramref name="fieldOf"/> maps a
    /// service argument name (<see cref="ArgumentException.ParamName"/>) to its input id; <paramref name="duplicateField"/>
    /// is the input a duplicate is reported at. Returns whether the change was made.
    /// </summary>
    protected bool Attempt(Func<string> change, IReadOnlyDictionary<string, string>? fieldOf = null, string? duplicateField = null)
    {
        if (Errors.Count > 0)
        {
            FormError ??= NothingSaved;
            Respond(StatusCodes.Status422UnprocessableEntity);
            return false;
        }
        try
        {
            Done = change();
            return true;
        }
        catch (UnauthorizedAccessException e)
        {
            FormError = e.Message;
            Respond(StatusCodes.Status403Forbidden);
        }
        catch (KeyNotFoundException e)
        {
            FormError = e.Message;
            Respond(StatusCodes.Status404NotFound);
        }
        catch (ArgumentException e)
        {
            if (e.ParamName is { } param && fieldOf?.GetValueOrDefault(param) is { } input)
            {
                FieldError(input, WithoutParameter(e));
                FormError ??= NothingSaved;
            }
            else
                FormError = WithoutParameter(e);
            Respond(StatusCodes.Status422UnprocessableEntity);
        }
        catch (InvalidOperationException e)
        {
            if (duplicateField is not null)
                FieldError(duplicateField, e.Message);
            else
                FormError = e.Message;
            Respond(StatusCodes.Status409Conflict);
        }
        return false;
    }

    protected void Respond(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
            context.Response.StatusCode = status;
    }

    /// <summary>A secret is on this answer (a new token): browsers and proxies must not keep it.</summary>
    protected void DoNotStore()
    {
        if (HttpContext is { Response.HasStarted: false } context)
            context.Response.Headers.CacheControl = "no-store";
    }

    // ArgumentException appends " (Parameter 'x')" to its message; the field says where already.
    private static string WithoutParameter(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
