using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Riposte.Access;
using Riposte.Web.Ui.Auth;

namespace Riposte.Web.Ui.Components;

/// <summary>A page rendered for a signed-in user: who is asking, and how to answer "not found".</summary>
public abstract class UiPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>The requesting user as the access gate knows them; every read on the page is made as them.</summary>
    protected Principal Me => (HttpContext is null ? null : UiClaims.PrincipalOf(HttpContext.User))
        ?? throw new InvalidOperationException("UI pages are rendered only for signed-in users (the endpoint requires the UI cookie)");

    /// <summary>Answers with <paramref name="status"/> (422 invalid, 409 stale, 403 not allowed) while the page still renders the form.</summary>
    protected void Refuse(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
            context.Response.StatusCode = status;
    }

    /// <summary>404 for things that do not exist and things the user may not see alike.</summary>
    protected void RespondNotFound()
    {
        if (HttpContext is { Response.HasStarted: false } context)
            context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
