using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Riposte.Access;
using Riposte.Stix;

namespace Riposte.Incidents.Api;

/// <summary>Handlers that answer with STIX objects: one object's JSON as the body and its version as the ETag, or a list's JSON.</summary>
internal static class StixResult
{
    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Run(HttpContext context, Func<Principal, StixObject> action)
    {
        string? version = null;
        return ApiCall.Run(context, p =>
        {
            var obj = action(p);
            version = obj.Version?.Text;
            return obj.Json;
        }, _ => version);
    }

    /// <summary>A list of STIX objects: their JSON.</summary>
    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> List(HttpContext context, Func<Principal, IEnumerable<StixObject>> action) =>
        ApiCall.Run(context, p => (IReadOnlyList<JsonObject>)[.. action(p).Select(o => o.Json)]);

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Create(HttpContext context, string path, Func<Principal, StixObject> action)
    {
        StixObject? created = null;
        return ApiCall.Create(context, path, p =>
        {
            created = action(p);
            return created.Json;
        }, _ => ApiCall.Versioned(created!));
    }
}
