using Riposte.Access;
using Riposte.Reports.Figures;
using Riposte.Reports.Tests.Support;

namespace Riposte.Reports.Tests;

/// <summary>Every figure equals the same count made independently from the seeded bundle.</summary>
public sealed class FigureTests(BuiltReports built)
{
    private const int Year = ReportNode.Year;

    public static TheoryData<string> Readers => ["public", "member-0", "member-3"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Compute_Figures_EqualIndependentCount(string reader)
    {
        var (model, expected) = Both(reader);

        Assert.Equal(expected.Incidents(Year).Count, ModelTables.Counts(model, "incidents")["Total"]);
        Assert.Equal(expected.Incidents(Year - 1).Count, ModelTables.Counts(model, "incidents", column: 2)["Total"]);
        Assert.Equal(expected.ByMonth(Year), NonZero(ModelTables.Counts(model, "incidents", skip: "Total")));
        Assert.Equal(expected.ByCategory(Year), ModelTables.Counts(model, "categories"));
        Assert.Equal(expected.ByPlatform(Year), ModelTables.Counts(model, "platforms"));
        Assert.Equal(expected.ByLanguage(Year), ModelTables.Counts(model, "languages"));
        Assert.Equal(expected.ByNarrative(Year), ModelTables.Counts(model, "narratives"));
        Assert.Equal(expected.ByActor(Year), ModelTables.Counts(model, "actors", column: 2, skip: "Not attributed"));
        Assert.Equal(expected.ByTechnique(Year), ModelTables.Section(model, "techniques").Tables[0].Rows.ToDictionary(r => r[1], r => ModelTables.Number(r[3])));
        Assert.Equal(expected.ByCountry(Year), ModelTables.Counts(model, "targets"));
        Assert.Equal(expected.BySector(Year), ModelTables.Counts(model, "targets", table: 2));
        Assert.Equal(expected.ByEvent(Year), ModelTables.Counts(model, "events"));
        Assert.Equal(expected.Outcomes(Year), ModelTables.Counts(model, "responses", table: 2));
        Assert.Equal(expected.Channels(Year), ModelTables.Value(model, "volumes", 0, "Channels"));
        Assert.Equal(expected.ContentItems(Year), ModelTables.Value(model, "volumes", 0, "Items of content"));
        Assert.Equal(expected.Responses(Year), ModelTables.Counts(model, "responses").Values.Sum());
        Assert.Equal(expected.Responses(Year - 1), ModelTables.Counts(model, "change", column: 1)["Responses"]);
    }

    [Fact]
    public void Compute_Public_CountsOnlyClearIncidents()
    {
        var (model, expected) = Both("public");
        var everything = built.Node.Builder().Compute(new AnnualReportRequest(Year, ReportEdition.Members, Principal.System), TestContext.Current.CancellationToken);
        var all = ModelTables.Counts(everything, "incidents")["Total"];
        var clear = ModelTables.Counts(model, "incidents")["Total"];
        Assert.True(clear < all, $"public {clear} should be fewer than all {all}");
        Assert.Equal(expected.Incidents(Year).Count, clear);
        // The planted RED incident is counted for the node, never for the public.
        Assert.Contains("zzmarkerplatform", ModelTables.Counts(everything, "platforms").Keys);
        Assert.DoesNotContain("zzmarkerplatform", ModelTables.Counts(model, "platforms").Keys);
    }

    [Fact]
    public void Compute_PublicActors_HideAttributionToAmberActor()
    {
        var (model, _) = Both("public");
        var everything = built.Node.Builder().Compute(new AnnualReportRequest(Year, ReportEdition.Members, Principal.System), TestContext.Current.CancellationToken);
        Assert.Contains(ModelTables.Counts(everything, "actors", column: 2).Keys, k => k.Contains(Markers.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(ModelTables.Counts(model, "actors", column: 2).Keys, k => k.Contains(Markers.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_HiddenCreator_IsNotNamed()
    {
        var (model, _) = Both("public");
        var rows = ModelTables.Section(model, "mechanism").Tables[0].Rows;
        Assert.Contains(rows, r => r[0] == "Other organisations");
        Assert.DoesNotContain(rows, r => r[0].Contains(Markers.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_SameData_SameModel()
    {
        var request = new AnnualReportRequest(Year, ReportEdition.Public, Principal.System);
        var a = built.Node.Builder().Compute(request, TestContext.Current.CancellationToken);
        var b = built.Node.Builder().Compute(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
    }

    private (AnnualReportModel Model, IndependentCount Expected) Both(string reader)
    {
        if (reader == "public")
        {
            return (built.Node.Builder().Compute(new AnnualReportRequest(Year, ReportEdition.Public, Principal.System), TestContext.Current.CancellationToken),
                IndependentCount.ForPublic(built.Node.AllObjects));
        }
        var organisation = built.Node.Seed.Organisations[int.Parse(reader["member-".Length..], System.Globalization.CultureInfo.InvariantCulture)].Id;
        return (built.Node.Builder().Compute(new AnnualReportRequest(Year, ReportEdition.Members, ReportNode.ReaderOf(organisation)), TestContext.Current.CancellationToken),
            IndependentCount.ForMember(built.Node.AllObjects, organisation));
    }

    private static Dictionary<string, int> NonZero(Dictionary<string, int> counts) => counts.Where(p => p.Value != 0).ToDictionary(p => p.Key, p => p.Value);
}
