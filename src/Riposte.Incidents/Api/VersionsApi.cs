using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary><c>{id}/versions/{version}</c> and <c>{id}/diff?from&amp;to</c> on every resource with a history: any version, and what changed.</summary>
internal static class VersionsApi
{
    /// <param name="type">The STIX type the group serves.</param>
    /// <param name="name">The resource's name in operation ids, e.g. "Incident".</param>
    public static RouteGroupBuilder MapVersions(this RouteGroupBuilder group, string type, string name)
    {
        group.MapGet("/{id}/versions/{version}", (HttpContext context, ObjectWorkspace workspace, string id, string version) => GetVersion(context, workspace, type, id, version))
            .WithName($"Get{name}Version");
        group.MapGet("/{id}/diff", (HttpContext context, ObjectWorkspace workspace, string id, string from, string? to) => Diff(context, workspace, type, id, from, to))
            .WithName($"Diff{name}Versions");
        return group;
    }

    private static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetVersion(HttpContext context, ObjectWorkspace workspace, string type, string id, string version) =>
        StixResult.Run(context, p => workspace.Version(p, id, version, type));

    private static Results<Ok<VersionDiff>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Diff(HttpContext context, ObjectWorkspace workspace, string type, string id, string from, string? to) =>
        ApiCall.Run(context, p => workspace.Diff(p, id, from, to, type));
}
