using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Model;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary>/api/narratives and /api/channels: the first-class narrative and channel objects (STIX JSON).</summary>
public static class NarrativesApi
{
    public static RouteGroupBuilder MapNarrativesApi(this RouteGroupBuilder api)
    {
        var narratives = api.MapGroup("/narratives").WithTags("Narratives");
        narratives.MapGet("/", ListNarratives).WithName("ListNarratives");
        narratives.MapGet("/{id}", GetNarrative).WithName("GetNarrative");
        narratives.MapPost("/", CreateNarrative).WithName("CreateNarrative");
        narratives.MapPatch("/{id}", UpdateNarrative).WithName("UpdateNarrative");
        narratives.MapGet("/{id}/history", NarrativeHistory).WithName("GetNarrativeHistory");
        narratives.MapVersions(RiposteExtensions.NarrativeType, "Narrative");

        var channels = api.MapGroup("/channels").WithTags("Channels");
        channels.MapGet("/", ListChannels).WithName("ListChannels");
        channels.MapGet("/{id}", GetChannel).WithName("GetChannel");
        channels.MapPost("/", CreateChannel).WithName("CreateChannel");
        channels.MapPatch("/{id}", UpdateChannel).WithName("UpdateChannel");
        channels.MapGet("/{id}/history", ChannelHistory).WithName("GetChannelHistory");
        channels.MapVersions(RiposteExtensions.ChannelType, "Channel");
        return api;
    }

    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListNarratives(HttpContext context, NarrativeService service, string? q, int? limit) =>
        StixResult.List(context, p => service.List(p, RiposteExtensions.NarrativeType, q, limit ?? 100));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetNarrative(HttpContext context, NarrativeService service, string id) =>
        StixResult.Run(context, p => service.Get(p, id, RiposteExtensions.NarrativeType));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> CreateNarrative(HttpContext context, NarrativeService service, Body<NarrativeInput> input) =>
        StixResult.Create(context, "/api/narratives", p => service.CreateNarrative(p, input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UpdateNarrative(HttpContext context, NarrativeService service, string id, Body<NarrativeInput> input) =>
        StixResult.Run(context, p => service.UpdateNarrative(p, id, ApiCall.IfMatch(context), input.Value));

    public static Results<Ok<IReadOnlyList<EditRecord>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> NarrativeHistory(HttpContext context, NarrativeService service, string id) =>
        ApiCall.Run(context, p => service.History(p, id, RiposteExtensions.NarrativeType));

    public static Results<Ok<IReadOnlyList<JsonObject>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListChannels(HttpContext context, NarrativeService service, string? q, int? limit) =>
        StixResult.List(context, p => service.List(p, RiposteExtensions.ChannelType, q, limit ?? 100));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetChannel(HttpContext context, NarrativeService service, string id) =>
        StixResult.Run(context, p => service.Get(p, id, RiposteExtensions.ChannelType));

    public static Results<Created<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> CreateChannel(HttpContext context, NarrativeService service, Body<ChannelInput> input) =>
        StixResult.Create(context, "/api/channels", p => service.CreateChannel(p, input.Value));

    public static Results<Ok<JsonObject>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UpdateChannel(HttpContext context, NarrativeService service, string id, Body<ChannelInput> input) =>
        StixResult.Run(context, p => service.UpdateChannel(p, id, ApiCall.IfMatch(context), input.Value));

    public static Results<Ok<IReadOnlyList<EditRecord>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ChannelHistory(HttpContext context, NarrativeService service, string id) =>
        ApiCall.Run(context, p => service.History(p, id, RiposteExtensions.ChannelType));
}
