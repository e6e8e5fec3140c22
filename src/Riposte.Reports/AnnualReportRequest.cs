using Riposte.Access;

namespace Riposte.Reports;

/// <summary>Who the report is for: the public (TLP:CLEAR only) or members (what the requester may see).</summary>
public enum ReportEdition
{
    Public,
    Members,
}

/// <summary>One annual report to build.</summary>
/// <param name="Requester">Whose view the members' edition shows; ignored by the public edition, which reads as the public.</param>
/// <param name="Editorial">Foreword, case studies and outlook (Markdown); none by default.</param>
/// <param name="Pdf">Print report.pdf too (needs chromium).</param>
public sealed record AnnualReportRequest(int Year, ReportEdition Edition, Principal Requester, EditorialContent? Editorial = null, bool Pdf = true)
{
    /// <summary>The title the reader organisation's name goes under; null: the node's default.</summary>
    public string Title { get; init; } = "Annual report on foreign information manipulation and interference";
}

/// <summary>What the report builder wrote, and why a part may be missing (the PDF when chromium is not installed).</summary>
public sealed record AnnualReportResult(IReadOnlyList<string> Files, IReadOnlyList<string> Warnings);

/// <summary>One file of the report: its name (no folder) and its bytes.</summary>
public sealed record ReportFile(string Name, byte[] Content);

/// <summary>The report's files in memory, and why a part may be missing.</summary>
public sealed record RenderedReport(IReadOnlyList<ReportFile> Files, IReadOnlyList<string> Warnings);
