using Riposte.Reports.Tests.Support;

namespace Riposte.Reports.Tests;

/// <summary>The members' edition shows what the requesting organisation may see, through the gate, and not more.</summary>
public sealed class AccessTests(BuiltReports built)
{
    [Fact]
    public async Task MembersEdition_Creator_SeesItsOwnAmberAndRed()
    {
        var html = await Html(built.Node.Seed.Organisations[0].Id, "creator");
        Assert.Contains($"{Markers.Text} amber actor", html, StringComparison.Ordinal);
        Assert.Contains($"{Markers.Text} election", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersEdition_OtherMember_SeesGreenButNotAmberOrRed()
    {
        var html = await Html(built.Node.Seed.Organisations[1].Id, "other-member");
        Assert.Contains($"{Markers.Text} green narrative", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Markers.Text} amber actor", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Markers.Text} election", html, StringComparison.Ordinal);
        Assert.DoesNotContain("zzmarker", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Markers.Text} outcome", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersEdition_UnregisteredOrganisation_SeesOnlyClear()
    {
        var html = await Html("identity--99999999-0000-4000-8000-000000000099", "stranger");
        Assert.DoesNotContain(Markers.Text, html, StringComparison.Ordinal);
    }

    private async Task<string> Html(string organisation, string folder)
    {
        var dir = built.Node.Folder(folder);
        await built.Node.Builder().BuildAsync(new AnnualReportRequest(ReportNode.Year, ReportEdition.Members, ReportNode.ReaderOf(organisation), Pdf: false), dir, TestContext.Current.CancellationToken);
        return File.ReadAllText(Path.Combine(dir, "report.html"));
    }
}
