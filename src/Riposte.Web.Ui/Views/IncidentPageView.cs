using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Web.Ui.Views;

/// <summary>A related object in a list on the detail page, with its own marking.</summary>
public sealed record RelatedObject(string Id, string Type, string Name, string? Relationship, ShownMarking Marking);

/// <summary>Everything the incident page shows, each part read through the gate as the principal.</summary>
public sealed record IncidentPage(
    IncidentView Incident, ShownMarking Marking, IReadOnlyList<EditRecord> Timeline,
    IReadOnlyList<RelatedObject> Assessments, IReadOnlyList<RelatedObject> Responses, IReadOnlyList<StixObject> Lessons,
    IReadOnlyList<RelatedObject> Related, bool CanEdit);

/// <summary>Assembles the incident page; null when the incident does not exist or the principal may not see it.</summary>
public sealed class IncidentPageView(
    IncidentService incidents, AssessmentService assessments, ResponseService responses,
    ObjectWorkspace workspace, MarkingView markings, UiPermissions permissions)
{
    public IncidentPage? Build(Principal principal, string id)
    {
        IncidentView view;
        StixObject incident;
        try
        {
            incident = incidents.Get(principal, id);
            view = incidents.ViewOf(principal, incident);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
        var related = workspace.Relationships(principal, id)
            .Where(r => r.GetString("relationship_type") is not ("uses" or "attributed-to"))
            .Select(r => (Rel: r, Other: r.GetString("source_ref") == id ? r.GetString("target_ref") : r.GetString("source_ref")))
            .Select(x => workspace.TryGet(principal, x.Other ?? "") is { } other ? Related(other, x.Rel.GetString("relationship_type")) : null)
            .OfType<RelatedObject>()
            .Concat(view.NarrativeRefs.Concat(view.ChannelRefs).Select(r => workspace.TryGet(principal, r)).OfType<StixObject>().Select(o => Related(o, "refers to")))
            .DistinctBy(r => r.Id)
            .ToList();
        return new IncidentPage(
            view, markings.Of(incident), incidents.History(principal, id),
            [.. assessments.List(principal, null, 1000).Where(a => a.GetStrings("object_refs").Contains(id)).Select(a => Related(a, null))],
            [.. responses.List(principal, id, null, 1000).Select(r => Related(r, null))],
            LessonsAbout(principal, id),
            related,
            permissions.MayWrite(principal));
    }

    /// <summary>
    /// Lessons about the incident, found by their labels (indexed) rather than by reading every note
    /// in the store, as <c>LessonService.List</c> does: a store of 100,000 notes made the page take seconds.
    /// </summary>
    private IReadOnlyList<StixObject> LessonsAbout(Principal principal, string id) =>
        [.. LessonService.Kinds.SelectMany(kind => workspace.List(principal, new StixQuery { Types = [LessonService.Type], Label = kind },
            note => note.GetStrings("object_refs").Contains(id), limit: 100)).DistinctBy(n => n.Id)];

    private RelatedObject Related(StixObject obj, string? relationship) =>
        new(obj.Id, obj.Type, obj.Name ?? obj.GetString("value") ?? obj.Id, relationship, markings.Of(obj));
}
