using Riposte.Incidents.Services;
using Riposte.Stix;

namespace Riposte.Web.Ui.Views;

/// <summary>The lesson form as posted; converts to and from <see cref="LessonInput"/>.</summary>
public sealed class LessonForm
{
    public string? Version { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? ObjectRefs { get; set; }
    public string? Tlp { get; set; }

    public static LessonForm From(StixObject note, string? tlp) => new()
    {
        Version = note.Version?.Text,
        Kind = note.Labels.FirstOrDefault(LessonService.Kinds.Contains),
        Title = note.GetString("abstract"),
        Content = note.GetString("content"),
        ObjectRefs = FormText.Join(note.GetStrings("object_refs")),
        Tlp = tlp,
    };

    public LessonInput ToInput() => new()
    {
        Kind = FormText.Blank(Kind),
        Title = Title ?? "",
        Content = Content ?? "",
        ObjectRefs = FormText.List(ObjectRefs),
        Tlp = FormText.Blank(Tlp),
    };
}
