using System.Globalization;
using Riposte.Incidents.Services;
using Riposte.Stix;

namespace Riposte.Web.Ui.Views;

/// <summary>
/// The assessment form as posted: key judgements one per line as <c>confidence | text</c>
/// (e.g. <c>80 | The memo is forged</c>), covered objects as comma-separated STIX ids.
/// </summary>
public sealed class AssessmentForm
{
    public string? Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Confidence { get; set; }
    public string? KeyJudgements { get; set; }
    public string? ObjectRefs { get; set; }
    public string? Tlp { get; set; }

    public static AssessmentForm From(StixObject report, string? tlp) => new()
    {
        Version = report.Version?.Text,
        Name = report.Name,
        Description = report.Description,
        Confidence = FormText.Number(report.Confidence),
        KeyJudgements = string.Join("\n", AssessmentService.DetailsOf(report).KeyJudgements
            .Select(j => string.Create(CultureInfo.InvariantCulture, $"{j.Confidence} | {j.Text}"))),
        ObjectRefs = FormText.Join(report.GetStrings("object_refs")),
        Tlp = tlp,
    };

    public AssessmentInput ToInput(Dictionary<string, string[]> errors) => new()
    {
        Name = Name ?? "",
        Description = Description ?? "",
        Confidence = FormText.Confidence(errors, "confidence", Confidence),
        KeyJudgements = Judgements(errors, KeyJudgements),
        ObjectRefs = FormText.List(ObjectRefs),
        Tlp = FormText.Blank(Tlp),
    };

    /// <summary>One judgement per non-blank line, <c>confidence | text</c>; a line that does not read so is an error naming its number.</summary>
    public static List<KeyJudgement> Judgements(Dictionary<string, string[]> errors, string? text)
    {
        var judgements = new List<KeyJudgement>();
        var problems = new List<string>();
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var bar = lines[i].IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && int.TryParse(lines[i][..bar].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var confidence))
                judgements.Add(new KeyJudgement(lines[i][(bar + 1)..].Trim(), confidence));
            else
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {i + 1} '{lines[i]}' is not 'confidence | judgement' (e.g. '80 | The memo is forged')"));
        }
        if (problems.Count > 0)
            errors["keyJudgements"] = [.. problems];
        return judgements;
    }
}
