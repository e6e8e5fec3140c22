using Riposte.Access;
using Riposte.Reports.Pdf;

namespace Riposte.Reports.Tests.Support;

/// <summary>
/// One seeded node and the reports built from it once for every test: the public edition (with its PDF
/// when chromium is installed) and the members' edition of the node itself (everything).
/// </summary>
public sealed class BuiltReports : IAsyncLifetime
{
    public ReportNode Node { get; } = new();
    public string PublicDir => Node.Folder("public");
    public string NodeDir => Node.Folder("node");
    public AnnualReportResult Public { get; private set; } = default!;
    public AnnualReportResult Everything { get; private set; } = default!;
    public bool HasChromium => ChromiumLocator.Find() is not null;

    public static EditorialContent Editorial => new(
        "# Foreword\n\nA year of *steady* work. <script>alert('x')</script>",
        [new EditorialPiece("01-dam", "# The leaked dam memo\n\nHow members answered together.")],
        "The next year will bring more elections.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Public = await Node.Builder().BuildAsync(new AnnualReportRequest(ReportNode.Year, ReportEdition.Public, Principal.System, Editorial), PublicDir, ct);
        Everything = await Node.Builder().BuildAsync(new AnnualReportRequest(ReportNode.Year, ReportEdition.Members, Principal.System, Editorial, Pdf: false), NodeDir, ct);
    }

    public ValueTask DisposeAsync()
    {
        Node.Dispose();
        return ValueTask.CompletedTask;
    }
}
