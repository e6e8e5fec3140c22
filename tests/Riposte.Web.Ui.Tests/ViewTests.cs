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
