using Riposte.Access;
using Riposte.Stix;
using Riposte.Storage;

namespace Riposte.Incidents.Services;

/// <summary>A lesson learned or best practice as written.</summary>
public sealed record LessonInput
{
    /// <summary>lesson-learned or best-practice.</summary>
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Content { get; init; }

    /// <summary>The responses and incidents it is about.</summary>
    public IReadOnlyList<string>? ObjectRefs { get; init; }
    public string? Tlp { get; init; }
}

/// <summary>Lessons learned and best practices: STIX <c>note</c>s linked to responses and incidents, found by full-text search.</summary>
public sealed class LessonService(ObjectWorkspace workspace)
{
    public const string Type = "note";
    public static readonly IReadOnlyList<string> Kinds = ["lesson-learned", "best-practice"];
    private static readonly string[] AboutTypes = [IncidentService.Type, ResponseService.Type, "report", "campaign"];

    public StixObject Create(Principal principal, LessonInput input)
    {
        workspace.RequireWriter(principal, "record lessons");
        var errors = new InputErrors();
        if (!Kinds.Contains(input.Kind ?? ""))
            errors.Add("kind", $"'{input.Kind}' is not one of {string.Join(", ", Kinds)}");
        var title = InputRules.Name(errors, "title", input.Title, required: true);
        var content = InputRules.Text(errors, "content", input.Content);
        if (content is null)
            errors.Add("content", "is required: what was learned");
        var refs = InputRules.Refs(errors, "objectRefs", input.ObjectRefs ?? [], AboutTypes, principal, workspace);
        if (refs.Count == 0)
            errors.Add("objectRefs", "name the responses or incidents the lesson is about");
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp ?? "amber");
        errors.ThrowIfAny();
        var builder = StixObjectBuilder.Create(Type, workspace.Clock)
            .Set("abstract", title).Set("content", content).Set("object_refs", refs)
            .Set("object_marking_refs", new[] { marking! })
            .Labels(input.Kind!);
        if (!principal.IsSystem)
            builder.Set("authors", new[] { principal.UserId });
        return workspace.Create(principal, builder, "recorded");
    }

    public StixObject Get(Principal principal, string id) => workspace.Get(principal, id, Type);

    /// <summary>Edits a lesson (a new version); null fields are left as they are.</summary>
    public StixObject Update(Principal principal, string id, string? expectedVersion, LessonInput input)
    {
        var current = Get(principal, id);
        if (!current.Labels.Any(Kinds.Contains))
            throw new ObjectNotFoundException(id, "lesson");
        var errors = new InputErrors();
        if (input.Kind is not null && !Kinds.Contains(input.Kind))
            errors.Add("kind", $"'{input.Kind}' is not one of {string.Join(", ", Kinds)}");
        var title = input.Title is null ? null : InputRules.Name(errors, "title", input.Title, required: true);
        var content = InputRules.Text(errors, "content", input.Content);
        if (input.Content is not null && content is null)
            errors.Add("content", "must not be empty: what was learned");
        var refs = input.ObjectRefs is null ? null : InputRules.Refs(errors, "objectRefs", input.ObjectRefs, AboutTypes, principal, workspace);
        if (refs is { Count: 0 })
            errors.Add("objectRefs", "name the responses or incidents the lesson is about");
        var marking = InputRules.Tlp(errors, "tlp", input.Tlp);
        errors.ThrowIfAny();
        return workspace.Update(principal, id, Type, expectedVersion, "updated", (_, b) =>
        {
            if (title is not null)
                b.Set("abstract", title);
            if (content is not null)
                b.Set("content", content);
            if (refs is not null)
                b.Set("object_refs", refs);
            if (input.Kind is not null)
                b.Set("labels", new[] { input.Kind });
            if (marking is not null)
                b.Set("object_marking_refs", new[] { marking });
        });
    }

    public IReadOnlyList<EditRecord> History(Principal principal, string id) => workspace.History(principal, id, Type);


    /// <summary>Lessons, optionally of one kind, about one object, or matching a full-text query.</summary>
    public IReadOnlyList<StixObject> List(Principal principal, string? text, string? kind = null, string? about = null, int limit = 100)
    {
        limit = Math.Clamp(limit, 1, 1000);
        bool Matches(StixObject o) => o.Labels.Any(l => kind is null ? Kinds.Contains(l) : l == kind)
            && (about is null || o.GetStrings("object_refs").Contains(about));
        if (string.IsNullOrWhiteSpace(text))
            return workspace.List(principal, new StixQuery { Types = [Type] }, Matches, limit);
        // The store's full-text index covers short text (the title); the body is matched word by word here.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool InBody(StixObject o) => o.GetString("content") is { } body && words.All(w => body.Contains(w, StringComparison.OrdinalIgnoreCase));
        var byTitle = workspace.Search(principal, text, [Type], limit).Where(Matches);
        var byBody = workspace.List(principal, new StixQuery { Types = [Type] }, o => Matches(o) && InBody(o), limit);
        return [.. byTitle.Concat(byBody).DistinctBy(o => o.Id).Take(limit)];
    }
}
