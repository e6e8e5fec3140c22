using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Taxii.Auth;

namespace Riposte.Incidents.Api;

/// <summary>Runs a service call for the request's principal and turns refusals into ProblemDetails with the right status.</summary>
internal static class ApiCall
{
    public static Principal PrincipalOf(HttpContext context) => TaxiiPrincipal.Get(context);

    public static string? IfMatch(HttpContext context) =>
        context.Request.Headers.IfMatch.Count > 0 ? context.Request.Headers.IfMatch.ToString() : null;

    public static Results<Ok<T>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Run<T>(HttpContext context, Func<Principal, T> action, Func<T, string?>? versionOf = null)
    {
        try
        {
            var result = action(PrincipalOf(context));
            if (versionOf?.Invoke(result) is { } version)
                context.Response.Headers.ETag = ETag(version);
            return TypedResults.Ok(result);
        }
        catch (IncidentsException e)
        {
            return Refusal<T>(e);
        }
    }

    public static Results<Created<T>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Create<T>(HttpContext context, string collectionPath, Func<Principal, T> action, Func<T, (string Id, string Version)> created)
    {
        try
        {
            var result = action(PrincipalOf(context));
            var (id, version) = created(result);
            context.Response.Headers.ETag = ETag(version);
            return TypedResults.Created($"{collectionPath}/{id}", result);
        }
        catch (IncidentsException e)
        {
            return e switch
            {
                ObjectNotFoundException n => TypedResults.NotFound(Problem(404, "Not found", n.Message)),
                InputInvalidException v => TypedResults.ValidationProblem(v.Errors.ToDictionary(k => k.Key, k => k.Value), title: "The input is not valid"),
                _ => TypedResults.Problem(ProblemOf(e)),
            };
        }
    }

    public static string ETag(string version) => "\"" + version + "\"";

    /// <summary>The id and version of a STIX object, for Location and ETag.</summary>
    public static (string Id, string Version) Versioned(StixObject obj) => (obj.Id, obj.Version?.Text ?? "");

    private static Results<Ok<T>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Refusal<T>(IncidentsException e) => e switch
    {
        ObjectNotFoundException n => TypedResults.NotFound(Problem(404, "Not found", n.Message)),
        InputInvalidException v => TypedResults.ValidationProblem(v.Errors.ToDictionary(k => k.Key, k => k.Value), title: "The input is not valid"),
        _ => TypedResults.Problem(ProblemOf(e)),
    };

    private static ProblemDetails ProblemOf(IncidentsException e) => e switch
    {
        StaleVersionException s => Problem(StatusCodes.Status412PreconditionFailed, "Edited a stale version", s.Message, ("currentVersion", s.CurrentVersion)),
        VersionRequiredException r => Problem(StatusCodes.Status428PreconditionRequired, "If-Match required", r.Message),
        ForbiddenException f => Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "Refused", e.Message),
    };

    private static ProblemDetails Problem(int status, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
            problem.Extensions[key] = value;
        return problem;
    }
}
