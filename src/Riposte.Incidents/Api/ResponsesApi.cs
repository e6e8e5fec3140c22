using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary>/api/responses and /api/lessons: what members did, and what they learned.</summary>
public static class ResponsesApi
{
    public static RouteGroupBuilder MapResponsesApi(this RouteGroupBuilder api)
    {
        var responses = api.MapGroup("/responses").WithTags("Responses");
        responses.MapGet("/", ListResponses).WithName("ListResponses");
        responses.MapGet("/{id}", GetResponse).WithName("GetResponse");
        responses.MapPost("/", CreateResponse).WithName("CreateResponse");
        responses.MapPatch("/{id}", UpdateResponse).WithName("UpdateResponse");
        responses.MapPost("/{id}/participants", AddParticipant).WithName("AddResponseParticipant");
        responses.MapGet("/{id}/history", ResponseHistory).WithName("GetResponseHistory");
        responses.MapVersions(ResponseService.Type, "Response");

        var lessons = api.MapGroup("/lessons").WithTags("Lessons");
        lessons.MapGet("/", ListLessons).WithName("ListLessons");
        lessons.MapGet("/{id}", GetLesson).WithName("GetLesson");
        lessons.MapPost("/", CreateLesson).WithName("CreateLesson");
        lessons.MapPatch("/{id}", UpdateLesson).WithName("UpdateLesson");
        lessons.MapGet("/{id}/history", LessonHistory).WithName("GetLessonHistory");
        lessons.MapVersions(LessonService.Type, "Lesson");
        return api;
    }

    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListResponses(HttpContext context, ResponseService service, string? incident, string? q, int? limit) =>
        StixResult.List(context, p => service.List(p, incident, q, limit ?? 100));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetResponse(HttpContext context, ResponseService service, string id) =>
        StixResult.Run(context, p => service.Get(p, id));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> CreateResponse(HttpContext context, ResponseService service, Body<ResponseInput> input) =>
        StixResult.Create(context, "/api/responses", p => service.Create(p, input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UpdateResponse(HttpContext context, ResponseService service, string id, Body<ResponseInput> input) =>
        StixResult.Run(context, p => service.Update(p, id, ApiCall.IfMatch(context), input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> AddParticipant(HttpContext context, ResponseService service, string id, Body<ParticipantInput> input) =>
        StixResult.Run(context, p => service.AddParticipant(p, id, ApiCall.IfMatch(context), input.Value.ParticipantRef));

    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListLessons(HttpContext context, LessonService service, string? q, string? kind, string? about, int? limit) =>
        StixResult.List(context, p => service.List(p, q, kind, about, limit ?? 100));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetLesson(HttpContext context, LessonService service, string id) =>
        StixResult.Run(context, p => service.Get(p, id));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> CreateLesson(HttpContext context, LessonService service, Body<LessonInput> input) =>
        StixResult.Create(context, "/api/lessons", p => service.Create(p, input.Value));

    public static Results<Ok<IReadOnlyList<EditRecord>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ResponseHistory(HttpContext context, ResponseService service, string id) =>
        ApiCall.Run(context, p => service.History(p, id));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UpdateLesson(HttpContext context, LessonService service, string id, Body<LessonInput> input) =>
        StixResult.Run(context, p => service.Update(p, id, ApiCall.IfMatch(context), input.Value));

    public static Results<Ok<IReadOnlyList<EditRecord>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> LessonHistory(HttpContext context, LessonService service, string id) =>
        ApiCall.Run(context, p => service.History(p, id));
}

public sealed record ParticipantInput(string ParticipantRef);
