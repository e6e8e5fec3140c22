using System.Text.Json.Nodes;
using Riposte.Access;
using Riposte.Incidents.Model;
using Riposte.Stix;

namespace Riposte.Incidents.Services;

/// <summary>
/// Threat assessments: a STIX <c>report</c> over incidents, actors and evidence, drafted, reviewed by
/// a second analyst (four eyes), then shared to a TAXII collection in one action.
/// </summary>
public sealed class AssessmentService(ObjectWorkspace workspace, IncidentService incidents, ShareCollector collector)
{
    public const string Type = "report";

    public StixObject Create(Principal principal, AssessmentInput input)
    {
        workspace.RequireWriter(principal, "draft assessments");
        var errors = new InputErrors();
        var name = InputRules.Name(errors, "name", input.Name, required: true);
        var description = InputRules.Text(errors, "description", input.Description);
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp ?? "amber");
        var refs = CheckRefs(errors, principal, input.ObjectRefs ?? []);
        if (refs.Count == 0)
            errors.Add("objectRefs", "name at least one incident, actor or piece of evidence the assessment covers");
        InputRules.Confidence(errors, "confidence", input.Confidence);
        var judgements = CheckJudgements(errors, input.KeyJudgements ?? []);
        errors.ThrowIfAny();

        var builder = StixObjectBuilder.Create(Type, workspace.Clock)
            .Set("name", name).Set("description", description)
            .Set("report_types", new[] { "threat-report" })
            .Set("published", StixTimestamp.FromDateTime(workspace.Clock.GetUtcNow()))
            .Set("object_refs", refs)
            .Set("object_marking_refs", new[] { marking! })
            .Labels("fimi-assessment");
        if (input.Confidence is { } confidence)
            builder.Confidence(confidence);
        WriteDetails(builder, new AssessmentDetails { KeyJudgements = judgements });
        return workspace.Create(principal, builder, "drafted");
    }

    public StixObject Get(Principal principal, string id) => workspace.Get(principal, id, Type);

    public static AssessmentDetails DetailsOf(StixObject report) =>
        StixJson.FromObject<AssessmentDetails>(RiposteExtensions.Read(report, RiposteExtensions.AssessmentId)) ?? new AssessmentDetails();

    public IReadOnlyList<StixObject> List(Principal principal, string? text, int limit = 100) =>
        string.IsNullOrWhiteSpace(text)
            ? workspace.List(principal, new Storage.StixQuery { Types = [Type], Label = "fimi-assessment" }, limit: Math.Clamp(limit, 1, 1000))
            : [.. workspace.Search(principal, text, [Type], Math.Clamp(limit, 1, 1000)).Where(r => r.Labels.Contains("fimi-assessment"))];

    public StixObject Update(Principal principal, string id, string? expectedVersion, AssessmentInput input)
    {
        var errors = new InputErrors();
        var name = input.Name is null ? null : InputRules.Name(errors, "name", input.Name, required: true);
        var description = InputRules.Text(errors, "description", input.Description);
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp);
        var refs = input.ObjectRefs is null ? null : CheckRefs(errors, principal, input.ObjectRefs);
        if (refs is { Count: 0 })
            errors.Add("objectRefs", "an assessment must cover at least one object");
        InputRules.Confidence(errors, "confidence", input.Confidence);
        var judgements = input.KeyJudgements is null ? null : CheckJudgements(errors, input.KeyJudgements);
        errors.ThrowIfAny();
        return workspace.Update(principal, id, Type, expectedVersion, "updated", (current, b) =>
        {
            RequireNotShared(current);
            if (name is not null)
                b.Set("name", name);
            if (input.Description is not null)
                b.Set("description", description);
            if (marking is not null)
                b.Set("object_marking_refs", new[] { marking });
            if (refs is not null)
                b.Set("object_refs", refs);
            if (input.Confidence is { } c)
                b.Confidence(c);
            // Any change after review needs a new review.
            WriteDetails(b, DetailsOf(current) with { Status = AssessmentStatus.Draft, KeyJudgements = judgements ?? DetailsOf(current).KeyJudgements, ReviewedBy = null, ReviewComment = null });
        });
    }

    /// <summary>Adds objects (incidents, actors, evidence) to the assessment.</summary>
    public StixObject AddObjects(Principal principal, string id, string? expectedVersion, IReadOnlyList<string> objectRefs)
    {
        var current = Get(principal, id);
        var merged = current.GetStrings("object_refs").Concat(objectRefs).Distinct(StringComparer.Ordinal).ToList();
        return Update(principal, id, expectedVersion, new AssessmentInput { ObjectRefs = merged });
    }

    /// <summary>A second analyst approves the draft (or sends it back with a comment).</summary>
    public StixObject Review(Principal principal, string id, string? expectedVersion, bool approve, string? comment)
    {
        var drafter = workspace.History(principal, id, Type)[0].EditedBy;
        if (approve && drafter == principal.UserId)
            throw new ForbiddenException("the analyst who drafted an assessment may not approve it; another analyst reviews it");
        return workspace.Update(principal, id, Type, expectedVersion, approve ? "approved" : "sent back", (current, b) =>
        {
            RequireNotShared(current);
            WriteDetails(b, DetailsOf(current) with
            {
                Status = approve ? AssessmentStatus.Reviewed : AssessmentStatus.Draft,
                ReviewedBy = principal.UserId,
                ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            });
        });
    }

    /// <summary>
    /// Shares a reviewed assessment in one action: marks it shared, moves its confirmed incidents to
    /// shared, and puts the report and everything it references that the collection may hold into
    /// the collection.
    /// </summary>
    public ShareResult Share(Principal principal, string id, string? expectedVersion, string collectionId)
    {
        if (!workspace.Gate.CanWriteCollection(principal, collectionId))
            throw new ForbiddenException($"you may not write to collection '{collectionId}' (or it does not exist)");
        var current = Get(principal, id);
        if (DetailsOf(current).Status != AssessmentStatus.Reviewed)
            throw InputInvalidException.One("status", $"only a reviewed assessment is shared; this one is {DetailsOf(current).Status}");

        var shared = workspace.Update(principal, id, Type, expectedVersion, $"shared to {collectionId}", (c, b) =>
            WriteDetails(b, DetailsOf(c) with { Status = AssessmentStatus.Shared, SharedTo = [.. DetailsOf(c).SharedTo.Append(collectionId).Distinct()] }));

        foreach (var incidentId in shared.GetStrings("object_refs").Where(r => StixIds.IsOfType(r, IncidentService.Type)))
        {
            var incident = workspace.TryGet(principal, incidentId);
            if (incident is not null && IncidentService.DetailsOf(incident).Status == IncidentStatus.Confirmed)
                incidents.ChangeStatus(principal, incidentId, incident.Version?.Text, IncidentWorkflow.Name(IncidentStatus.Shared), $"shared in {shared.Id}");
        }

        var (objects, skipped) = collector.Collect(principal, shared);
        workspace.Store.Put(objects, collectionId);
        return new ShareResult(collectionId, shared.Version?.Text ?? "", [.. objects.Select(o => o.Id)], skipped);
    }

    public IReadOnlyList<EditRecord> History(Principal principal, string id) => workspace.History(principal, id, Type);

    private static void RequireNotShared(StixObject current)
    {
        if (DetailsOf(current).Status == AssessmentStatus.Shared)
            throw InputInvalidException.One("status", "a shared assessment is not edited; draft a new one that supersedes it");
    }

    private IReadOnlyList<string> CheckRefs(InputErrors errors, Principal principal, IReadOnlyList<string> refs)
    {
        for (var i = 0; i < refs.Count; i++)
        {
            if (!StixIds.IsValid(refs[i]))
                errors.Add($"objectRefs[{i}]", $"'{refs[i]}' is not a STIX id (type--uuid)");
            else if (workspace.TryGet(principal, refs[i]) is null)
                errors.Add($"objectRefs[{i}]", $"no object '{refs[i]}' that you may see in the store");
        }
        return [.. refs.Distinct(StringComparer.Ordinal)];
    }

    private static IReadOnlyList<KeyJudgement> CheckJudgements(InputErrors errors, IReadOnlyList<KeyJudgement> judgements)
    {
        for (var i = 0; i < judgements.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(judgements[i]?.Text))
                errors.Add($"keyJudgements[{i}].text", "is required");
            InputRules.Confidence(errors, $"keyJudgements[{i}].confidence", judgements[i]?.Confidence);
        }
        return judgements;
    }

    private static void WriteDetails(StixObjectBuilder builder, AssessmentDetails details)
    {
        var json = StixJson.ToObject(details);
        // Keep the status even when nothing else is set, so the extension is never empty.
        json["status"] ??= details.Status;
        builder.Extension(RiposteExtensions.AssessmentId, RiposteExtensions.PropertyExtension, json);
    }
}
