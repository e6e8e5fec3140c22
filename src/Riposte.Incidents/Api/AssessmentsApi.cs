using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary>/api/assessments: draft, review and share threat assessments (STIX reports).</summary>
public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assessments").WithTags("Assessments");
        group.MapGet("/", ListAssessments).WithName("ListAssessments");
        group.MapGet("/{id}", GetAssessment).WithName("GetAssessment");
        group.MapPost("/", CreateAssessment).WithName("CreateAssessment");
        group.MapPatch("/{id}", UpdateAssessment).WithName("UpdateAssessment");
        group.MapPost("/{id}/objects", AddObjects).WithName("AddAssessmentObjects");
        group.MapPost("/{id}/review", Review).WithName("ReviewAssessment");
        group.MapPost("/{id}/share", Share).WithName("ShareAssessment");
        group.MapGet("/{id}/history", History).WithName("GetAssessmentHistory");
        group.MapVersions(AssessmentService.Type, "Assessment");
        return group;
    }

    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListAssessments(HttpContext context, AssessmentService service, string? q, int? limit) =>
        StixResult.List(context, p => service.List(p, q, limit ?? 100));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetAssessment(HttpContext context, AssessmentService service, string id) =>
        StixResult.Run(context, p => service.Get(p, id));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> CreateAssessment(HttpContext context, AssessmentService service, Body<AssessmentInput> input) =>
        StixResult.Create(context, "/api/assessments", p => service.Create(p, input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UpdateAssessment(HttpContext context, AssessmentService service, string id, Body<AssessmentInput> input) =>
        StixResult.Run(context, p => service.Update(p, id, ApiCall.IfMatch(context), input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> AddObjects(HttpContext context, AssessmentService service, string id, Body<ObjectRefsInput> input) =>
        StixResult.Run(context, p => service.AddObjects(p, id, ApiCall.IfMatch(context), input.Value.ObjectRefs));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Review(HttpContext context, AssessmentService service, string id, Body<ReviewInput> input) =>
        StixResult.Run(context, p => service.Review(p, id, ApiCall.IfMatch(context), input.Value.Approve, input.Value.Comment));

    public static Results<Ok<ShareResult>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> Share(HttpContext context, AssessmentService service, string id, Body<ShareInput> input) =>
        ApiCall.Run(context, p => service.Share(p, id, ApiCall.IfMatch(context), input.Value.CollectionId), r => r.ReportVersion);

    public static Results<Ok<IReadOnlyList<EditRecord>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> History(HttpContext context, AssessmentService service, string id) =>
        ApiCall.Run(context, p => service.History(p, id));
}

public sealed record ObjectRefsInput(IReadOnlyList<string> ObjectRefs);

public sealed record ReviewInput(bool Approve, string? Comment = null);

public sealed record ShareInput(string CollectionId);
