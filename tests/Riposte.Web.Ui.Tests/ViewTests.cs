using Riposte.Incidents.Services;
using Riposte.Stix;
using Riposte.Web.Ui.Views;

namespace Riposte.Web.Ui.Tests;

/// <summary>The page models' own rules: query strings, form conversion, weekly activity.</summary>
public sealed class ViewTests
{
    [Fact]
    public void ToQueryString_SomeFilters_EscapesAndSkipsBlanks()
    {
        var query = new IncidentQuery { Q = "dam & flood", Status = " ", Technique = "T0049.003", Marking = "amber+strict" };

        Assert.Equal("q=dam%20%26%20flood&technique=T0049.003&marking=amber%2Bstrict", query.ToQueryString());
        Assert.True(new IncidentQuery().IsEmpty);
    }

    [Fact]
    public void ToInput_ListsAndLocalTimes_BecomeServiceInput()
    {
        var form = new IncidentForm { Name = "x", Platforms = "telegram, x ,", FirstSeen = "2026-10-02T08:30", Languages = "en,fr" };
        var errors = new Dictionary<string, string[]>();

        var input = form.ToInput(errors);

        Assert.Empty(errors);
        Assert.Equal(["telegram", "x"], input.Platforms);
        Assert.Equal(["en", "fr"], input.Languages);
        Assert.Equal("2026-10-02T08:30:00Z", input.FirstSeen);
        Assert.Null(input.LastSeen);
    }

    [Fact]
    public void ToInput_UnreadableTime_IsAnErrorAtItsField()
    {
        var errors = new Dictionary<string, string[]>();

        new IncidentForm { LastSeen = "02/10/2026" }.ToInput(errors);

        Assert.Equal(["lastSeen"], errors.Keys);
        Assert.Contains("02/10/2026", errors["lastSeen"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ToInput_EmptiedDateOnEdit_ClearsButOnCreateSendsNothing()
    {
        var form = new IncidentForm { Name = "x", FirstSeen = "", LastSeen = "2026-10-02T08:30" };

        var edit = form.ToInput([], editing: true);
        var create = form.ToInput([], editing: false);

        Assert.Equal("", edit.FirstSeen);
        Assert.Null(create.FirstSeen);
        Assert.Equal("2026-10-02T08:30:00Z", edit.LastSeen);
    }

    [Fact]
    public void ResponseToInput_EmptiedStopTimeOnEdit_Clears_BlankOwnerIsKept()
    {
        var form = new ResponseForm { Name = "r", Kind = "joint-statement", StartTime = "2026-10-01T08:00", StopTime = " ", OwnerRef = "" };

        var input = form.ToInput([], editing: true);

        Assert.Equal("", input.StopTime);
        Assert.Equal("2026-10-01T08:00:00Z", input.StartTime);
        Assert.Null(input.OwnerRef);
        Assert.Equal("", form.ToInput([], editing: false).OwnerRef);
    }

    [Fact]
    public void Judgements_ConfidenceBarText_AreReadLineByLineAndBadLinesNamed()
    {
        var errors = new Dictionary<string, string[]>();

        var judgements = AssessmentForm.Judgements(errors, "80 | The memo is forged\n\n  60|Bots amplified it  \nprobably state-run");

        Assert.Equal([new KeyJudgement("The memo is forged", 80), new KeyJudgement("Bots amplified it", 60)], judgements);
        Assert.Equal("line 4 'probably state-run' is not 'confidence | judgement' (e.g. '80 | The memo is forged')", Assert.Single(errors["keyJudgements"]));
    }

    [Fact]
    public void AssessmentFrom_StoredJudgements_RoundTripThroughTheForm()
    {
        var report = StixObjectBuilder.Create("report").Set("name", "a").Set("published", "2026-10-01T00:00:00Z")
            .Set("object_refs", ["incident--00000000-0000-4000-8000-000000000001"])
            .Extension(Riposte.Incidents.Model.RiposteExtensions.AssessmentId, Riposte.Incidents.Model.RiposteExtensions.PropertyExtension,
                Riposte.Incidents.Model.StixJson.ToObject(new AssessmentDetails { KeyJudgements = [new KeyJudgement("Forged", 80)] }))
            .Build();

        var form = AssessmentForm.From(report, "amber");

        Assert.Equal("80 | Forged", form.KeyJudgements);
        Assert.Equal([new KeyJudgement("Forged", 80)], form.ToInput([]).KeyJudgements);
    }

    [Theory]
    [InlineData("70", 70)]
    [InlineData(" ", null)]
    public void Confidence_WholeNumberOrBlank_IsRead(string text, int? expected)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(expected, FormText.Confidence(errors, "confidence", text));
        Assert.Empty(errors);
    }

    [Fact]
    public void Confidence_NotANumber_IsAnErrorAtItsField()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(FormText.Confidence(errors, "confidence", "high"));
        Assert.Contains("'high' is not a whole number", errors["confidence"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("platforms[1]", "platforms")]
    [InlineData("evidence[0].sha256", "evidence")]
    [InlineData("name", "name")]
    public void FieldOf_ServiceErrorKey_GivesTheFormField(string key, string field) => Assert.Equal(field, FormText.FieldOf(key));

    [Fact]
    public void Weeks_IncidentsByFirstSeen_CountedInTheirIsoWeek()
    {
        var rows = new[] { Row("2026-11-23T10:00:00Z"), Row("2026-11-29T23:00:00Z"), Row("2026-11-16T00:00:00Z"), Row("2025-01-01T00:00:00Z") };

        var weeks = DashboardView.Weeks(rows, new DateOnly(2026, 11, 29));

        Assert.Equal(DashboardView.WeekCount, weeks.Count);
        Assert.Equal(("2026-W48", 2), (weeks[^1].Week, weeks[^1].Count));
        Assert.Equal(("2026-W47", 1), (weeks[^2].Week, weeks[^2].Count));
        Assert.Equal(3, weeks.Sum(w => w.Count));
    }

    private static IncidentRow Row(string firstSeen)
    {
        var stix = StixObjectBuilder.Create("incident").Set("name", "i").Build();
        return new IncidentRow(stix.Id, "i", "draft", "information-manipulation", MarkingView.OfLevel("amber"), firstSeen, null, [], "", stix);
    }
}
