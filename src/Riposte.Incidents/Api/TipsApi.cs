using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary>/api/tips (the triage queue) and /api/links (link and unlink any two objects).</summary>
public static class TipsApi
{
    public static RouteGroupBuilder MapTipsApi(this RouteGroupBuilder api)
    {
        var tips = api.MapGroup("/tips").WithTags("Tips");
        tips.MapGet("/", ListTips).WithName("ListTips");
        tips.MapGet("/{id}", GetTip).WithName("GetTip");
        tips.MapPost("/", SubmitTip).WithName("SubmitTip");
        tips.MapPost("/{id}/accept", AcceptTip).WithName("AcceptTip");
        tips.MapPost("/{id}/dismiss", DismissTip).WithName("DismissTip");

        var links = api.MapGroup("/links").WithTags("Links");
        links.MapPost("/", Link).WithName("Link");
        links.MapDelete("/{id}", Unlink).WithName("Unlink");
        return api;
    }

    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListTips(HttpContext context, TipService service, string? status, int? limit) =>
        StixResult.List(context, p => service.List(p, status, limit ?? 200));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetTip(HttpContext context, TipService service, string id) =>
        StixResult.Run(context, p => service.Get(p, id));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> SubmitTip(HttpContext context, TipService service, Body<TipInput> input) =>
        StixResult.Create(context, "/api/tips", p => service.Submit(p, input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> AcceptTip(HttpContext context, TipService service, string id, Body<AcceptInput> input) =>
        StixResult.Run(context, p => service.Accept(p, id, input.Value.IncidentId, input.Value.Note));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> DismissTip(HttpContext context, TipService service, string id, Body<DismissInput> input) =>
        StixResult.Run(context, p => service.Dismiss(p, id, input.Value.Reason));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Link(HttpContext context, ObjectWorkspace workspace, Body<LinkInput> input) =>
        StixResult.Create(context, "/api/links", p => workspace.Link(p, input.Value.SourceRef, input.Value.RelationshipType, input.Value.TargetRef, input.Value.Description));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Unlink(HttpContext context, ObjectWorkspace workspace, string id) =>
        StixResult.Run(context, p => workspace.Unlink(p, id, ApiCall.IfMatch(context)));
}

public sealed record AcceptInput(string IncidentId, string? Note = null);

public sealed record DismissInput(string Reason);

public sealed record LinkInput(string SourceRef, string RelationshipType, string TargetRef, string? Description = null);
