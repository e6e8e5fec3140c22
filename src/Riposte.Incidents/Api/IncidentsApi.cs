using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Riposte.Incidents.Services;

namespace Riposte.Incidents.Api;

/// <summary>/api/incidents: create, read, update, list and search incidents; status, criteria, techniques, actors, history.</summary>
public static class IncidentsApi
{
    public const string Path = "/api/incidents";

    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents");
        group.MapGet("/", ListIncidents).WithName("ListIncidents");
        group.MapGet("/{id}", GetIncident).WithName("GetIncident");
        group.MapPost("/", CreateIncident).WithName("CreateIncident");
        group.MapPatch("/{id}", UpdateIncident).WithName("UpdateIncident");
        group.MapPost("/{id}/status", ChangeStatus).WithName("ChangeIncidentStatus");
        group.MapPut("/{id}/criteria/{criterion}", SetCriterion).WithName("SetIncidentCriterion");
        group.MapPost("/{id}/techniques", TagTechnique).WithName("TagIncidentTechnique");
        group.MapDelete("/{id}/techniques/{technique}", UntagTechnique).WithName("UntagIncidentTechnique");
        group.MapPost("/{id}/actors", LinkActor).WithName("LinkIncidentActor");
        group.MapDelete("/{id}/actors/{actorId}", UnlinkActor).WithName("UnlinkIncidentActor");
        group.MapGet("/{id}/history", History).WithName("GetIncidentHistory");
        group.MapVersions(IncidentService.Type, "Incident");
        group.MapPost("/from-finding", FromFinding).WithName("CreateIncidentFromFinding");
        return group;
    }

    public static Results<Ok<IReadOnlyList<IncidentSummary>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ListIncidents(
        HttpContext context, IncidentService incidents, string? status, string? category, string? technique, string? q, int? limit) =>
        ApiCall.Run(context, p => (IReadOnlyList<IncidentSummary>)[.. incidents.List(p, new IncidentFilter
        {
            Status = status, Category = category, Technique = technique, Text = q, Limit = limit ?? 100,
        }).Select(IncidentSummary.Of)]);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> GetIncident(HttpContext context, IncidentService incidents, string id) =>
        ApiCall.Run(context, p => incidents.View(p, id), v => v.Version);

    public static Results<Created<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> CreateIncident(HttpContext context, IncidentService incidents, Body<IncidentInput> input) =>
        ApiCall.Create(context, Path, p => incidents.ViewOf(p, incidents.Create(p, input.Value)), v => (v.Id, v.Version));

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UpdateIncident(HttpContext context, IncidentService incidents, string id, Body<IncidentInput> input) =>
        ApiCall.Run(context, p => incidents.ViewOf(p, incidents.Update(p, id, ApiCall.IfMatch(context), input.Value)), v => v.Version);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> ChangeStatus(HttpContext context, IncidentService incidents, string id, Body<StatusChange> change) =>
        ApiCall.Run(context, p => incidents.ViewOf(p, incidents.ChangeStatus(p, id, ApiCall.IfMatch(context), change.Value.Status, change.Value.Reason)), v => v.Version);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> SetCriterion(HttpContext context, IncidentService incidents, string id, string criterion, Body<CriterionInput> input) =>
        ApiCall.Run(context, p => incidents.ViewOf(p, incidents.SetCriterion(p, id, ApiCall.IfMatch(context), criterion, input.Value.Met, input.Value.Rationale)), v => v.Version);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> TagTechnique(HttpContext context, IncidentService incidents, string id, Body<TechniqueInput> input) =>
        ApiCall.Run(context, p =>
        {
            incidents.TagTechnique(p, id, input.Value.Technique, input.Value.Description, input.Value.Evidence);
            return incidents.View(p, id);
        }, v => v.Version);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UntagTechnique(HttpContext context, IncidentService incidents, string id, string technique) =>
        ApiCall.Run(context, p =>
        {
            incidents.UntagTechnique(p, id, technique);
            return incidents.View(p, id);
        }, v => v.Version);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> UnlinkActor(HttpContext context, IncidentService incidents, string id, string actorId) =>
        ApiCall.Run(context, p =>
        {
            incidents.UnlinkActor(p, id, actorId);
            return incidents.View(p, id);
        }, v => v.Version);

    public static Results<Ok<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> LinkActor(HttpContext context, IncidentService incidents, string id, Body<ActorInput> input) =>
        ApiCall.Run(context, p =>
        {
            incidents.LinkActor(p, id, input.Value.ActorRef, input.Value.Confidence, input.Value.Basis);
            return incidents.View(p, id);
        }, v => v.Version);

    public static Results<Ok<IReadOnlyList<EditRecord>>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> History(HttpContext context, IncidentService incidents, string id) =>
        ApiCall.Run(context, p => incidents.History(p, id));

    public static Results<Created<IncidentView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult> FromFinding(HttpContext context, FindingService findings, Body<FindingInput> input) =>
        ApiCall.Create(context, Path, p => findings.CreateIncident(p, input.Value.GroupingId, input.Value.Name, input.Value.Category, input.Value.Tlp), v => (v.Id, v.Version));
}

public sealed record IncidentSummary(string Id, string Version, string Name, string Status, string Category, string? Tlp, string EditedBy)
{
    public static IncidentSummary Of(Riposte.Stix.StixObject incident)
    {
        var view = IncidentView.Of(incident, [], []);
        return new IncidentSummary(view.Id, view.Version, view.Name, view.Status, view.Category, view.Tlp, view.LastEdit.EditedBy);
    }
}

public sealed record StatusChange(string Status, string? Reason = null);

public sealed record CriterionInput(bool Met, string Rationale);

public sealed record TechniqueInput(string Technique, string? Description = null, IReadOnlyList<EvidenceInput>? Evidence = null);

public sealed record ActorInput(string ActorRef, int Confidence, string Basis);

public sealed record FindingInput(string GroupingId, string? Name = null, string? Category = null, string? Tlp = null);
